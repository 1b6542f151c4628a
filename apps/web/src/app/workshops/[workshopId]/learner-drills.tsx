"use client";
// A member's view of the workshop's runs and drills: a countdown when the instructor starts
// something on their machine, the diagnosis form during a drill, and after the reveal the
// answer, the debrief and their own grade. Announcements over /live refresh the page's data;
// nothing here is ever about another learner.
import { DRILL_MECHANISMS, DRILL_SUBSYSTEMS, LIVE_EVENTS, type TLiveWorkshopAnnouncement } from "@perflab/protocol";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Countdown, useNowUntil } from "./countdown";
import { DiagnosisForm } from "./diagnosis-form";
import { useWorkshopEvent, useWorkshopSocket } from "./use-workshop-socket";

export interface TLearnerDrillView {
  id: string;
  startsAtMs: number;
  revealed: boolean;
  answer: { scenarioId: string; variant: string | null; subsystem: string; mechanism: string; debrief: string | null } | null;
  diagnosis: { mechanism: string; evidence: string; secondsToDiagnosis: number; isCorrect: boolean | null; isSubsystemCorrect: boolean | null } | null;
}

const labelOf = (list: readonly { id: string; label: string }[], id: string) => list.find((entry) => entry.id === id)?.label ?? id;

export function LearnerDrills({ workshopId, drills, machineId }: { workshopId: string; drills: TLearnerDrillView[]; machineId: string | null }) {
  const router = useRouter();
  const { socket } = useWorkshopSocket(workshopId);
  const [scheduled, setScheduled] = useState<TLiveWorkshopAnnouncement | null>(null);
  const onAnnouncement = useCallback(
    (announcement: TLiveWorkshopAnnouncement) => {
      if (announcement.kind === "run-scheduled" && !announcement.isDrill) setScheduled(announcement);
      router.refresh();
    },
    [router],
  );
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopAnnouncement, onAnnouncement);
  const labLink = machineId ? (
    <Link href={`/labs/${machineId}`} className="text-emerald-700 hover:underline">
      your live lab
    </Link>
  ) : null;
  return (
    <div className="space-y-4" data-testid="learner-drills">
      {scheduled ? (
        <p className="rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-900" role="status" data-testid="run-announcement">
          Your instructor is running a scenario on your lab machine: <Countdown startsAtMs={scheduled.startsAtMs} />. Watch it on {labLink}.
        </p>
      ) : null}
      {drills.map((drill) => (
        <article key={drill.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="learner-drill">
          <h3 className="font-semibold">
            Drill: something is wrong on your lab machine (<Countdown startsAtMs={drill.startsAtMs} />)
          </h3>
          {drill.revealed && drill.answer ? (
            <div className="mt-2 space-y-2 text-sm" data-testid="drill-answer">
              <p>
                It was <strong>{drill.answer.scenarioId}{drill.answer.variant ? ` (${drill.answer.variant})` : ""}</strong>: {labelOf(DRILL_SUBSYSTEMS, drill.answer.subsystem)}, {labelOf(DRILL_MECHANISMS, drill.answer.mechanism)}.
              </p>
              {drill.answer.debrief ? <p className="whitespace-pre-line rounded bg-slate-50 p-2">{drill.answer.debrief}</p> : null}
              {drill.diagnosis ? (
                <p data-testid="drill-grade">
                  Your diagnosis ({labelOf(DRILL_MECHANISMS, drill.diagnosis.mechanism)}, after {drill.diagnosis.secondsToDiagnosis} s) was{" "}
                  <strong className={drill.diagnosis.isCorrect ? "text-emerald-700" : "text-red-700"}>
                    {drill.diagnosis.isCorrect ? "correct" : drill.diagnosis.isSubsystemCorrect ? "in the right subsystem but the wrong mechanism" : "wrong"}
                  </strong>
                  .
                </p>
              ) : (
                <p>You sent no diagnosis.</p>
              )}
            </div>
          ) : drill.diagnosis ? (
            <p className="mt-2 text-sm text-slate-700" role="status">
              Diagnosis sent after {drill.diagnosis.secondsToDiagnosis} s. Your grade appears when the instructor reveals the answer.
            </p>
          ) : (
            <DrillInvestigation workshopId={workshopId} drill={drill} labLink={labLink} />
          )}
        </article>
      ))}
    </div>
  );
}

/** Before the countdown ends there is nothing to diagnose yet; then the form. */
function DrillInvestigation({ workshopId, drill, labLink }: { workshopId: string; drill: TLearnerDrillView; labLink: React.ReactNode }) {
  const hasStarted = useNowUntil(drill.startsAtMs) >= drill.startsAtMs;
  if (!hasStarted) return <p className="mt-2 text-sm text-slate-700">Get {labLink ?? "your lab machine"} open: the fault starts when the countdown ends.</p>;
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm text-slate-700">Investigate on {labLink ?? "your lab machine"} with the live charts, then name the subsystem and the mechanism, and the evidence you relied on.</p>
      <DiagnosisForm workshopId={workshopId} drillId={drill.id} />
    </div>
  );
}
