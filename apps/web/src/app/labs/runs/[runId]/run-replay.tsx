"use client";
// The machine's charts over a recorded run, played back: the same USE-method charts as the
// live page, drawn from the run's stored samples, with a cursor that plays the run at 4×
// or can be dragged. Opens on the resource whose metrics the scenario's signals use.
import type { TSample } from "@perflab/protocol";
import { useEffect, useMemo, useState } from "react";
import { formatClock } from "@/live/format-value";
import { LAB_CHARTS, RESOURCES, type TResource } from "@/live/lab-charts";
import { LiveMachineFeed } from "@/live/live-machine-feed";
import { MetricChart } from "../../[machineId]/metric-chart";

const PLAY_SPEED = 4;

export function RunReplay({ samples, signalMetrics }: { samples: TSample[]; signalMetrics: string[] }) {
  const feed = useMemo(() => {
    const loaded = new LiveMachineFeed();
    loaded.mergeHistory(samples, { fromMs: samples[0]?.t ?? 0 });
    return loaded;
  }, [samples]);
  const firstMs = samples[0]?.t ?? 0;
  const lastMs = samples[samples.length - 1]?.t ?? 0;
  const runSeconds = Math.round((lastMs - firstMs) / 1000);
  const firstResource = LAB_CHARTS.find((chart) => chart.lines(signalMetrics).length > 0)?.resource ?? "cpu";
  const [resource, setResource] = useState<TResource>(firstResource);
  const [cursorMs, setCursorMs] = useState(lastMs);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setCursorMs((current) => {
        const next = current + 250 * PLAY_SPEED;
        if (next >= lastMs) {
          setPlaying(false);
          return lastMs;
        }
        return next;
      });
    }, 250);
    return () => clearInterval(timer);
  }, [playing, lastMs]);

  // The window stays put (the whole run); the cursor hides what had not happened yet.
  const window = { endMs: cursorMs, seconds: Math.max(1, Math.ceil((cursorMs - firstMs) / 1000) + 1) };
  return (
    <section className="space-y-4" data-testid="run-replay">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
          onClick={() => {
            if (!playing && cursorMs >= lastMs) setCursorMs(firstMs);
            setPlaying(!playing);
          }}
          data-testid="replay-play"
        >
          {playing ? "Pause" : `Play (${PLAY_SPEED}×)`}
        </button>
        <input type="range" className="grow" min={firstMs} max={lastMs} step={1000} value={cursorMs} onChange={(event) => setCursorMs(Number(event.target.value))} aria-label="Position in the run" />
        <span className="font-mono text-xs text-slate-600">
          {formatClock(cursorMs)} ({Math.round((cursorMs - firstMs) / 1000)} of {runSeconds} s)
        </span>
      </div>
      <div role="tablist" aria-label="Resources" className="flex flex-wrap gap-1 border-b border-slate-200">
        {RESOURCES.map((entry) => (
          <button key={entry.id} role="tab" type="button" aria-selected={resource === entry.id} className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm ${resource === entry.id ? "border-slate-200 border-b-white bg-white font-medium" : "border-transparent text-slate-600"}`} onClick={() => setResource(entry.id)}>
            {entry.title}
          </button>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {LAB_CHARTS.filter((chart) => chart.resource === resource).map((chart) => (
          <MetricChart key={chart.id} spec={chart} store={feed.seconds} window={window} cpuCount={null} version={cursorMs} />
        ))}
      </div>
    </section>
  );
}
