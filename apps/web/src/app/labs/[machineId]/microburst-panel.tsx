"use client";
// The microburst view (curriculum 5.5, 9.3): asks the agent for 10 ms sampling for a
// bounded window, then shows one interface's traffic as a 1 s dashboard would (left) and
// at 10 ms (right), with the peak and how many times its second's average it is.
import { HIGH_RES_MAX_DURATION_MS, type TMachineState } from "@perflab/protocol";
import Link from "next/link";
import { useMemo, useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, TICK_STYLE } from "@/app/progress/charts/chart-frame";
import { formatClock, formatValue } from "@/live/format-value";
import type { LiveMachineFeed } from "@/live/live-machine-feed";
import { analyseMicroburst, microburstInterfaces, thinKeepingPeaks, type TMicroburstRow } from "@/live/microburst";
import type { TLiveMachine } from "@/live/use-live-machine";
import { lineColor } from "./chart-colors";

const DURATIONS_MS = [5_000, 10_000, 30_000].filter((duration) => duration <= HIGH_RES_MAX_DURATION_MS);
const METRICS = [
  { id: "net.rx_bytes", label: "received bytes", unit: "bytes/s" },
  { id: "net.tx_bytes", label: "sent bytes", unit: "bytes/s" },
  { id: "net.rx_packets", label: "received packets", unit: "packets/s" },
  { id: "net.tx_packets", label: "sent packets", unit: "packets/s" },
] as const;
const MAX_FINE_POINTS = 1500;

interface TMicroburstPanelProps {
  feed: LiveMachineFeed;
  version: number;
  state: TMachineState | null;
  setSampling: TLiveMachine["setSampling"];
}

export function MicroburstPanel({ feed, version, state, setSampling }: TMicroburstPanelProps) {
  const [durationMs, setDurationMs] = useState(10_000);
  const [metricIndex, setMetricIndex] = useState(0);
  const [chosenInterface, setChosenInterface] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const metric = METRICS[metricIndex]!;
  const window = feed.highResWindow;
  const isSampling = state?.sampling?.mode === "high-res";

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const interfaces = useMemo(() => (window ? microburstInterfaces(feed.fine, metric.id, window) : []), [feed, metric.id, window?.fromMs, window?.toMs, version]);
  const interfaceName = chosenInterface && interfaces.includes(chosenInterface) ? chosenInterface : (interfaces[0] ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const analysis = useMemo(() => (window && interfaceName ? analyseMicroburst(feed.fine, metric.id, interfaceName, window) : null), [feed, metric.id, interfaceName, window?.fromMs, window?.toMs, version]);

  const drawnRows = useMemo(() => (analysis ? thinKeepingPeaks(analysis.rows, MAX_FINE_POINTS) : []), [analysis]);

  async function start() {
    setMessage(null);
    const answer = await setSampling({ mode: "high-res", intervalMs: 10, durationMs });
    if ("error" in answer) setMessage(answer.error.message);
  }

  return (
    <section className="space-y-4" data-testid="microburst-view">
      <p className="max-w-3xl text-sm text-slate-600">
        A burst that fills a queue for 20 ms and stops is invisible in a 1 s average. Sample this machine&apos;s interfaces every 10 ms for a few seconds, make some traffic, and compare the two views. Why it matters:{" "}
        <Link href="/curriculum/topics/5.5" className="text-emerald-700 hover:underline">
          topic 5.5
        </Link>{" "}
        and{" "}
        <Link href="/curriculum/topics/9.3" className="text-emerald-700 hover:underline">
          9.3
        </Link>
        .
      </p>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          For
          <select className="rounded-md border border-slate-300 px-2 py-1" value={durationMs} onChange={(event) => setDurationMs(Number(event.target.value))} data-testid="microburst-duration">
            {DURATIONS_MS.map((duration) => (
              <option key={duration} value={duration}>
                {duration / 1000} s
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="rounded-md bg-slate-900 px-3 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-50" onClick={() => void start()} disabled={!state?.online || isSampling} data-testid="microburst-start">
          {isSampling ? `Sampling every ${state?.sampling?.intervalMs} ms…` : "Sample every 10 ms"}
        </button>
        <label className="flex items-center gap-2">
          Show
          <select className="rounded-md border border-slate-300 px-2 py-1" value={metricIndex} onChange={(event) => setMetricIndex(Number(event.target.value))} data-testid="microburst-metric">
            {METRICS.map((entry, index) => (
              <option key={entry.id} value={index}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        {interfaces.length > 0 ? (
          <label className="flex items-center gap-2">
            on
            <select className="rounded-md border border-slate-300 px-2 py-1" value={interfaceName ?? ""} onChange={(event) => setChosenInterface(event.target.value)} data-testid="microburst-interface">
              {interfaces.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
        ) : null}
        {message ? (
          <span className="text-red-700" role="status">
            {message}
          </span>
        ) : null}
      </div>
      {!analysis ? (
        <p className="text-sm text-slate-500">No high-resolution samples yet: start a window above while the machine is online.</p>
      ) : (
        <>
          <dl className="grid max-w-3xl grid-cols-3 gap-4 text-sm" data-testid="microburst-figures">
            <Figure label="Peak over 10 ms" value={formatValue(analysis.peak?.value ?? null, metric.unit)} detail={analysis.peak ? `at ${formatClock(analysis.peak.t, true)}` : "no traffic"} />
            <Figure label="That second's 1 s average" value={formatValue(analysis.peakSecondAverage, metric.unit)} detail="what a 1 s dashboard shows" />
            <Figure label="Peak-to-average" value={analysis.peakToAverage === null ? "–" : `${analysis.peakToAverage.toFixed(1)}×`} detail={`${analysis.interfaceName}, ${metric.label}`} testId="peak-to-average" dataValue={analysis.peakToAverage} />
          </dl>
          <div className="grid gap-4 lg:grid-cols-2">
            <BurstChart title="1 s averages" rows={drawnRows} dataKey="second" unit={metric.unit} color={lineColor(0)} step />
            <BurstChart title="10 ms samples" rows={drawnRows} dataKey="fine" unit={metric.unit} color={lineColor(3)} />
          </div>
        </>
      )}
    </section>
  );
}

function Figure({ label, value, detail, testId, dataValue }: { label: string; value: string; detail: string; testId?: string; dataValue?: number | null }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId} data-value={dataValue ?? undefined}>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-1 font-mono text-lg font-semibold">{value}</dd>
      <dd className="text-xs text-slate-500">{detail}</dd>
    </div>
  );
}

function BurstChart({ title, rows, dataKey, unit, color, step = false }: { title: string; rows: TMicroburstRow[]; dataKey: "second" | "fine"; unit: string; color: string; step?: boolean }) {
  const peak = Math.max(0, ...rows.map((row) => row.fine ?? 0));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="font-semibold">{title}</figcaption>
      <div aria-hidden="true" className="mt-3">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
            <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => formatClock(t, true)} tick={TICK_STYLE} minTickGap={60} />
            {/* Both charts share the 10 ms peak as their scale, so the flattening is visible. */}
            <YAxis width={72} tick={TICK_STYLE} domain={[0, peak || "auto"]} tickFormatter={(value: number) => formatValue(value, unit)} />
            <Tooltip isAnimationActive={false} labelFormatter={(t) => formatClock(Number(t), true)} formatter={(value) => [formatValue(Number(value), unit), title]} />
            <Line dataKey={dataKey} type={step ? "stepAfter" : "linear"} stroke={color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={dataKey === "second"} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
