"use client";
// The instructor's record of runs for everyone and drills: per learner, the run's state and
// verdict as they arrive (each update refetches, one request a second at most), and for
// drills each learner's diagnosis, graded, with the time it took; then the reveal.
import { DRILL_MECHANISMS, LIVE_EVENTS } from "@perflab/protocol";
import Link from "next/link";
import type { Socket } from "socket.io-client";
import { Countdown } from "./countdown";
import { RevealDrillForm } from "./reveal-drill-form";
import { useFreshJson } from "./use-fresh-json";
import { useWorkshopEvent } from "./use-workshop-socket";

interface TRunView {
  id: string;
  scenarioId: string;
  variant: string | null;
  isDrill: boolean;
  startsAt: string;
  durationSeconds: number;
  revealedAt: string | null;
  learners: {
    userId: string;
    name: string;
    run: { id: string; status: string; problem: string | null; reproduced: boolean | null } | null;
    diagnosis: { mechanism: string; evidence: string; isCorrect: boolean; isSubsystemCorrect: boolean; secondsToDiagnosis: number } | null;
  }[];
}

const mechanismLabel = (id: string) => DRILL_MECHANISMS.find((mechanism) => mechanism.id === id)?.label ?? id;

function RunState({ run }: { run: TRunView["learners"][number]["run"] }) {
  if (!run) return <span className="text-slate-500">waiting</span>;
  const verdict = run.reproduced === null ? "" : run.reproduced ? ", reproduced" : ", not reproduced";
  const tone = run.reproduced ? "text-emerald-700" : run.problem ? "text-red-700" : "text-slate-700";
  return (
    <span className={tone} data-testid="run-state">
      <Link href={`/labs/runs/${run.id}`} className="hover:underline">
        {run.status}
        {verdict}
      </Link>
      {run.problem ? `: ${run.problem}` : ""}
    </span>
  );
}

export function WorkshopRunsList({ workshopId, socket, generation }: { workshopId: string; socket: Socket | null; generation: number }) {
  const { data: runs, problem, refetchSoon } = useFreshJson<TRunView[]>(`/api/workshops/${encodeURIComponent(workshopId)}/runs`, generation, "the runs");
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopRunUpdate, refetchSoon);
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopProgress, refetchSoon); // a diagnosis arrived
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopAnnouncement, refetchSoon);
  if (!runs) return <p className="text-sm text-slate-500">{problem ?? "Loading runs…"}</p>;
  if (runs.length === 0) return <p className="text-sm text-slate-600">No runs yet.</p>;
  return (
    <ul className="space-y-4" data-testid="workshop-runs">
      {runs.map((run) => (
        <li key={run.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="workshop-run" data-drill={run.isDrill}>
          <p className="mb-2 text-sm">
            <span className="font-medium">
              {run.isDrill ? "Drill: " : "Run for everyone: "}
              {run.scenarioId}
              {run.variant ? ` (${run.variant})` : ""}
            </span>{" "}
            · {run.durationSeconds} s · <Countdown startsAtMs={Date.parse(run.startsAt)} />
            {run.isDrill ? (run.revealedAt ? " · revealed" : " · hidden from learners") : ""}
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600">
              <tr>
                <th className="py-1 font-medium">Learner</th>
                <th className="py-1 font-medium">Run and verdict</th>
                {run.isDrill ? <th className="py-1 font-medium">Diagnosis</th> : null}
              </tr>
            </thead>
            <tbody>
              {run.learners.map((learner) => (
                <tr key={learner.userId} className="border-t border-slate-100 align-top" data-testid="run-learner" data-learner={learner.name}>
                  <td className="py-1.5 pr-3">{learner.name}</td>
                  <td className="py-1.5 pr-3">
                    <RunState run={learner.run} />
                  </td>
                  {run.isDrill ? (
                    <td className="py-1.5" data-testid="diagnosis">
                      {learner.diagnosis ? (
                        <>
                          <span className={learner.diagnosis.isCorrect ? "text-emerald-700" : "text-red-700"} data-testid="diagnosis-grade">
                            {learner.diagnosis.isCorrect ? "correct" : learner.diagnosis.isSubsystemCorrect ? "right subsystem, wrong mechanism" : "wrong"}
                          </span>{" "}
                          in {learner.diagnosis.secondsToDiagnosis} s: {mechanismLabel(learner.diagnosis.mechanism)}
                          <span className="block text-xs text-slate-600">Evidence: {learner.diagnosis.evidence}</span>
                        </>
                      ) : (
                        <span className="text-slate-500">no diagnosis yet</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {run.isDrill && !run.revealedAt ? (
            <div className="mt-3 border-t border-slate-100 pt-3">
              <RevealDrillForm drillId={run.id} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
