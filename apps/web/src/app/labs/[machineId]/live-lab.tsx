"use client";
// The live part of a lab page: connection state, window and pause controls, one tab per
// resource with its USE-method charts, and the microburst view. Only the open tab's charts
// render, each at most once per animation frame (useLiveMachine), so a busy machine and a
// one-hour window stay smooth on a laptop.
import { useEffect, useState } from "react";
import { LAB_CHARTS, RESOURCES, type TResource } from "@/live/lab-charts";
import { useLiveMachine } from "@/live/use-live-machine";
import { ConnectionBadges } from "./connection-badges";
import { MetricChart } from "./metric-chart";
import { MicroburstPanel } from "./microburst-panel";
import { ScenariosPanel, type TMachineScenario } from "./scenarios-panel";
import { WindowControls } from "./window-controls";

type TTab = TResource | "microburst" | "scenarios";
const TABS: readonly { id: TTab; title: string }[] = [...RESOURCES, { id: "microburst", title: "Microbursts" }, { id: "scenarios", title: "Scenarios" }];
const DEFAULT_WINDOW_SECONDS = 300;

interface TLiveLabProps {
  machineId: string;
  cpuCount: number | null;
  scenarios: TMachineScenario[];
  requested: { scenarioId: string; variant: string | null; exerciseId: string | null } | null;
}

export function LiveLab({ machineId, cpuCount, scenarios, requested }: TLiveLabProps) {
  const live = useLiveMachine(machineId, DEFAULT_WINDOW_SECONDS);
  const [tab, setTab] = useState<TTab>(requested ? "scenarios" : "cpu");
  const [windowSeconds, setWindowSeconds] = useState(DEFAULT_WINDOW_SECONDS);
  const [pausedAtMs, setPausedAtMs] = useState<number | null>(null);
  const { feed, version, ensureHistoryFrom } = live;

  const newestMs = feed.newestSampleMs;
  const oldestSlot = feed.seconds.oldestKeptSlot();
  const range = newestMs === null ? null : { fromMs: Math.max(Math.min(feed.loadedFromMs, newestMs), (oldestSlot ?? 0) * 1000), toMs: newestMs };
  const endMs = pausedAtMs ?? newestMs ?? 0; // 0: nothing received yet, the charts are empty anyway
  const chartWindow = { endMs, seconds: windowSeconds };

  // A wider window, or scrubbing back, may need history this tab has not loaded yet.
  useEffect(() => {
    if (live.connection === "live" && endMs > 0) ensureHistoryFrom(endMs - windowSeconds * 1000);
  }, [ensureHistoryFrom, endMs, windowSeconds, live.connection]);

  return (
    <div className="space-y-4" data-version={version}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConnectionBadges connection={live.connection} state={live.state} latestSampling={feed.latestSampling} problem={live.problem} />
        {tab === "microburst" || tab === "scenarios" ? null : <WindowControls windowSeconds={windowSeconds} onWindowChange={setWindowSeconds} pausedAtMs={pausedAtMs} onPausedAtChange={setPausedAtMs} range={range} />}
      </div>
      <div role="tablist" aria-label="Resources" className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            role="tab"
            type="button"
            aria-selected={tab === entry.id}
            className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm ${tab === entry.id ? "border-slate-200 border-b-white bg-white font-medium" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            onClick={() => setTab(entry.id)}
            data-testid={`tab-${entry.id}`}
          >
            {entry.title}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "microburst" ? (
          <MicroburstPanel feed={feed} version={version} state={live.state} setSampling={live.setSampling} />
        ) : tab === "scenarios" ? (
          <ScenariosPanel scenarios={scenarios} live={live} requested={requested} />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {LAB_CHARTS.filter((chart) => chart.resource === tab).map((chart) => (
              <MetricChart key={chart.id} spec={chart} store={feed.seconds} window={chartWindow} cpuCount={cpuCount} version={version} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
