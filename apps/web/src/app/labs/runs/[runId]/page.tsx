// "/labs/runs/<id>": a scenario run's recording: what was run, by whom, the verdict with
// each signal's peak, the script's events, and the machine's charts over the run, played
// back. Readable by whoever started it, the machine's owner and administrators
// (readRunRecording checks); anyone else, like an unknown id, gets a 404.
import { ForbiddenError, readRunRecording, type TRunRecording } from "@perflab/db";
import type { TSample, TScenarioVerdict } from "@perflab/protocol";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { RunProgress } from "../../[machineId]/run-progress";
import { RunReplay } from "./run-replay";

export const dynamic = "force-dynamic";
export const metadata = { title: "Scenario run" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

async function readRecording(runId: string): Promise<TRunRecording> {
  const viewer = await requireUser(`/labs/runs/${runId}`);
  try {
    return await readRunRecording(getDb(), viewer, runId);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

export default async function ScenarioRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(runId)) notFound();
  const { run, events, samples } = await readRecording(runId);
  const manifest = getCurriculum().curriculum.scenarios.find((scenario) => scenario.id === run.scenarioId);
  const verdict = run.verdict as TScenarioVerdict | null;
  const lines = events
    .filter((event) => event.kind !== "phase" && event.kind !== "exit")
    .map((event) => {
      const body = event.body as { line?: string; message?: string; requirement?: string; hint?: string };
      const tone = (event.kind === "output" ? "output" : event.kind) as "output" | "note" | "error" | "missing";
      return { t: event.at.getTime(), tone, text: body.line ?? body.message ?? `${body.requirement}: ${body.hint}` };
    });
  return (
    <>
      <div className="mb-6">
        <Link href={`/labs/${run.agentId}`} className="text-sm text-slate-600 hover:underline">
          ← {run.machineName}
        </Link>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="run-title">
          {manifest?.title ?? run.scenarioId}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          Started by {run.startedBy.name} on {run.machineName}, {run.startedAt ? dateFormat.format(run.startedAt) : dateFormat.format(run.requestedAt)} UTC, for {run.durationSeconds} s with{" "}
          {Object.entries(run.parameters).map(([name, value]) => `${name} ${value}`).join(", ") || "the defaults"}. Status: <span data-testid="run-status">{run.status}</span>
          {run.problem ? ` (${run.problem})` : ""}.
        </p>
      </div>
      <div className="space-y-6">
        <RunProgress run={{ runId: run.id, scenarioId: run.scenarioId, phase: run.status, exitStatus: run.status, lines, verdict, verdictIsFinal: true }} title="Verdict" replay={false} />
        {samples.length > 0 ? <RunReplay samples={samples as TSample[]} signalMetrics={(manifest?.signals ?? []).map((signal) => signal.metric)} /> : <p className="text-sm text-slate-500">No samples were recorded for this run.</p>}
      </div>
    </>
  );
}
