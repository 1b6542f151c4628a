"use client";
// "Run for everyone" and drills: the instructor picks a scenario (and variant), the
// learners (all with a machine by default), a countdown and a duration, and whether it is a
// drill (learners are not told what it is). The server checks everything again and answers
// with the machines it will start and the learners it skipped, with why.
import { LIVE_EVENTS, type TAck, type TLiveWorkshopRunScheduled } from "@perflab/protocol";
import { useState } from "react";
import type { Socket } from "socket.io-client";

export interface TRunnableScenario {
  id: string;
  title: string;
  durationDefault: number;
  durationMax: number;
  variants: { name: string; title: string }[];
}

interface TRunPanelProps {
  workshopId: string;
  socket: Socket | null;
  scenarios: TRunnableScenario[];
  learners: { userId: string; name: string; hasMachine: boolean }[];
}

const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function RunPanel({ workshopId, socket, scenarios, learners }: TRunPanelProps) {
  const [choice, setChoice] = useState(scenarios[0] ? `${scenarios[0].id}|` : "");
  // Who is left out, rather than who is in: a learner attaching a machine later is included.
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set());
  const withMachine = learners.filter((learner) => learner.hasMachine);
  const selected = withMachine.filter((learner) => !excluded.has(learner.userId)).map((learner) => learner.userId);
  const [outcome, setOutcome] = useState<{ message: string; isError: boolean } | null>(null);
  const [isPending, setPending] = useState(false);
  const [scenarioId = "", variant = ""] = choice.split("|");
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId);

  async function start(form: FormData) {
    if (!socket) return setOutcome({ message: "Not connected to the server; wait a moment", isError: true });
    setPending(true);
    const number = (name: string) => Number(form.get(name));
    const request = {
      workshopId, scenarioId, ...(variant ? { variant } : {}),
      durationSeconds: number("durationSeconds"), countdownSeconds: number("countdownSeconds"), isDrill: form.get("isDrill") === "on",
      ...(excluded.size === 0 ? {} : { learnerIds: selected }),
    };
    const answer = (await socket.timeout(10_000).emitWithAck(LIVE_EVENTS.workshopRunStart, request).catch(() => ({ error: { message: "The server did not answer" } }))) as TAck<TLiveWorkshopRunScheduled>;
    setPending(false);
    if ("error" in answer) return setOutcome({ message: answer.error.message, isError: true });
    const names = (ids: string[]) => ids.map((id) => learners.find((learner) => learner.userId === id)?.name ?? id).join(", ");
    const skipped = answer.data.skipped.map((entry) => `${names([entry.userId])} (${entry.reason})`).join("; ");
    setOutcome({ message: `Starting on ${answer.data.targets.length} machine(s): ${names(answer.data.targets.map((target) => target.userId))}.${skipped ? ` Skipped: ${skipped}.` : ""}`, isError: false });
  }

  if (scenarios.length === 0) return <p className="text-sm text-slate-600">No scenarios are installed on this server.</p>;
  return (
    <form action={start} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="run-panel">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-700">Scenario</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)} className={inputClass} name="scenario" data-testid="run-scenario">
            {scenarios.flatMap((candidate) => [
              <option key={candidate.id} value={`${candidate.id}|`}>
                {candidate.title}
              </option>,
              ...candidate.variants.map((option) => (
                <option key={`${candidate.id}|${option.name}`} value={`${candidate.id}|${option.name}`}>
                  {candidate.title}: {option.title}
                </option>
              )),
            ])}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-700">Duration (s)</span>
          <input key={scenarioId} type="number" name="durationSeconds" min={1} max={scenario?.durationMax} defaultValue={scenario?.durationDefault} className={`${inputClass} w-24`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-700">Countdown (s)</span>
          <input type="number" name="countdownSeconds" min={0} max={300} defaultValue={10} className={`${inputClass} w-24`} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isDrill" data-testid="run-is-drill" />
          Drill: hide the scenario from learners
        </label>
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 text-slate-700">Learners</legend>
        {learners.map((learner) => (
          <label key={learner.userId} className={`flex items-center gap-1.5 ${learner.hasMachine ? "" : "text-slate-400"}`}>
            <input
              type="checkbox"
              disabled={!learner.hasMachine}
              checked={learner.hasMachine && !excluded.has(learner.userId)}
              onChange={(event) => setExcluded((current) => new Set(event.target.checked ? [...current].filter((id) => id !== learner.userId) : [...current, learner.userId]))}
            />
            {learner.name}
            {learner.hasMachine ? "" : " (no machine)"}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isPending || selected.length === 0} className="rounded-md bg-emerald-600 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
          {isPending ? "Scheduling…" : "Start for the selected learners"}
        </button>
        {outcome ? (
          <p role={outcome.isError ? "alert" : "status"} className={`text-sm ${outcome.isError ? "text-red-600" : "text-slate-700"}`} data-testid="run-outcome">
            {outcome.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
