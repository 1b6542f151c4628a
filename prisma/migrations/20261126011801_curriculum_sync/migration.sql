-- CreateTable
CREATE TABLE "curriculum_topics" (
    "id" TEXT NOT NULL,
    "section" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "curriculum_topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "curriculum_exercises" (
    "topic_id" TEXT NOT NULL,
    "exercise_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),
    "synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "curriculum_exercises_pkey" PRIMARY KEY ("topic_id","exercise_id")
);

-- AddForeignKey
ALTER TABLE "curriculum_exercises" ADD CONSTRAINT "curriculum_exercises_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "curriculum_topics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
