-- CreateTable
CREATE TABLE "workshops" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructor_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "topic_ids" TEXT[],
    "join_code" TEXT NOT NULL,
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workshops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshop_members" (
    "workshop_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agent_id" TEXT,

    CONSTRAINT "workshop_members_pkey" PRIMARY KEY ("workshop_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workshops_join_code_key" ON "workshops"("join_code");

-- CreateIndex
CREATE INDEX "workshops_instructor_id_idx" ON "workshops"("instructor_id");

-- CreateIndex
CREATE INDEX "workshop_members_user_id_idx" ON "workshop_members"("user_id");

-- AddForeignKey
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_instructor_id_fkey" FOREIGN KEY ("instructor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_members" ADD CONSTRAINT "workshop_members_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_members" ADD CONSTRAINT "workshop_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_members" ADD CONSTRAINT "workshop_members_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
