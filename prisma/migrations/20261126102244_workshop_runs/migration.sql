-- AlterTable
ALTER TABLE "scenario_runs" ADD COLUMN     "workshop_run_id" TEXT;

-- CreateTable
CREATE TABLE "workshop_runs" (
    "id" TEXT NOT NULL,
    "workshop_id" TEXT NOT NULL,
    "started_by_id" TEXT NOT NULL,
    "scenario_id" TEXT NOT NULL,
    "variant" TEXT,
    "parameters" JSONB NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "is_drill" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "learner_ids" TEXT[],
    "revealed_at" TIMESTAMP(3),
    "debrief" TEXT,

    CONSTRAINT "workshop_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_diagnoses" (
    "workshop_run_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "subsystem" TEXT NOT NULL,
    "mechanism" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "is_correct" BOOLEAN NOT NULL,
    "is_subsystem_correct" BOOLEAN NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seconds_to_diagnosis" INTEGER NOT NULL,

    CONSTRAINT "drill_diagnoses_pkey" PRIMARY KEY ("workshop_run_id","user_id")
);

-- CreateIndex
CREATE INDEX "workshop_runs_workshop_id_created_at_idx" ON "workshop_runs"("workshop_id", "created_at");

-- CreateIndex
CREATE INDEX "scenario_runs_workshop_run_id_idx" ON "scenario_runs"("workshop_run_id");

-- AddForeignKey
ALTER TABLE "scenario_runs" ADD CONSTRAINT "scenario_runs_workshop_run_id_fkey" FOREIGN KEY ("workshop_run_id") REFERENCES "workshop_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_runs" ADD CONSTRAINT "workshop_runs_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_runs" ADD CONSTRAINT "workshop_runs_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_diagnoses" ADD CONSTRAINT "drill_diagnoses_workshop_run_id_fkey" FOREIGN KEY ("workshop_run_id") REFERENCES "workshop_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_diagnoses" ADD CONSTRAINT "drill_diagnoses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
