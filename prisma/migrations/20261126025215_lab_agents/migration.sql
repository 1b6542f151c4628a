-- CreateTable
CREATE TABLE "agents" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),
    "last_seen_at" TIMESTAMP(3),
    "agent_version" TEXT,
    "host_facts" JSONB,
    "capabilities" JSONB,
    "malformed_payloads" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_batches" (
    "agent_id" TEXT NOT NULL,
    "stream_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "first_sample_at" TIMESTAMP(3) NOT NULL,
    "last_sample_at" TIMESTAMP(3) NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "samples" BYTEA NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_batches_pkey" PRIMARY KEY ("agent_id","stream_id","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "agents_token_hash_key" ON "agents"("token_hash");

-- CreateIndex
CREATE INDEX "agents_owner_id_idx" ON "agents"("owner_id");

-- CreateIndex
CREATE INDEX "agent_batches_agent_id_last_sample_at_idx" ON "agent_batches"("agent_id", "last_sample_at");

-- CreateIndex
CREATE INDEX "agent_batches_last_sample_at_idx" ON "agent_batches"("last_sample_at");

-- AddForeignKey
ALTER TABLE "agents" ADD CONSTRAINT "agents_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_batches" ADD CONSTRAINT "agent_batches_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
