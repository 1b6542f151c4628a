-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "scenarios" JSONB;

-- CreateTable
CREATE TABLE "scenario_runs" (
    "id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "started_by_id" TEXT NOT NULL,
    "scenario_id" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "problem" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "verdict" JSONB,
    "samples" BYTEA,
    "exercise_id" TEXT,

    CONSTRAINT "scenario_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scenario_run_events" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "scenario_run_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scenario_runs_agent_id_requested_at_idx" ON "scenario_runs"("agent_id", "requested_at");

-- CreateIndex
CREATE INDEX "scenario_runs_started_by_id_idx" ON "scenario_runs"("started_by_id");

-- CreateIndex
CREATE INDEX "scenario_run_events_run_id_id_idx" ON "scenario_run_events"("run_id", "id");

-- AddForeignKey
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenario_run_events" ADD CONSTRAINT "scenario_run_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "scenario_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
