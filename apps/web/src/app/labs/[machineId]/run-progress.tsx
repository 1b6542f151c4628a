// One scenario run as it happens: phase, what the script says, and the verdict with each
// signal's peak against its threshold; at the end, a link to the recording.
import Link from "next/link";
import { formatValue } from "@/live/format-value";
import type { TScenarioRunView } from "@/live/scenario-run-state";

export function RunProgress({ run, title, onStop, replay = true }: { run: TScenarioRunView; title: string; onStop?: () => void; replay?: boolean }) {
  const ended = run.exitStatus !== null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="scenario-run" data-run-id={run.runId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {title}: <span data-testid="scenario-phase">{ended ? run.exitStatus : run.phase}</span>
        </h3>
        {ended ? (
          replay ? (
            <Link href={`/labs/runs/${run.runId}`} className="text-sm text-emerald-700 hover:underline" data-testid="replay-link">
              Open the replay
            </Link>
          ) : null
        ) : (
          <button type="button" className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50" onClick={onStop}>
            Stop
          </button>
        )}
      </div>
      {run.verdict ? (
        <div className="mt-3">
          <p className={`text-sm font-medium ${run.verdict.reproduced ? "text-emerald-800" : "text-amber-800"}`} data-testid="scenario-verdict" data-final={run.verdictIsFinal} data-reproduced={run.verdict.reproduced}>
            {run.verdictIsFinal ? "" : "So far: "}
            {run.verdict.summary}
          </p>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 font-normal">Signal</th>
                <th className="py-1 font-normal">Metric</th>
                <th className="py-1 font-normal">Peak</th>
                <th className="py-1 font-normal">Needed</th>
              </tr>
            </thead>
            <tbody>
              {run.verdict.signals.map((signal) => (
                <tr key={`${signal.metric}-${signal.description}`} className="border-t border-slate-100">
                  <td className="py-1">{signal.fired ? "✓" : "…"} {signal.description}</td>
                  <td className="py-1 font-mono text-xs">{signal.series ?? signal.metric}</td>
                  <td className="py-1 font-mono text-xs">{formatValue(signal.observed, "")}</td>
                  <td className="py-1 font-mono text-xs">
                    {signal.condition === "increases" ? "increase >" : ">"} {formatValue(signal.threshold, "")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {run.lines.length > 0 ? (
        <pre className="mt-3 max-h-48 overflow-auto rounded bg-slate-950 p-3 text-xs text-slate-100">
          {run.lines.map((line) => `${line.tone === "output" ? "" : `${line.tone}: `}${line.text}`).join("\n")}
        </pre>
      ) : null}
    </div>
  );
}
