"use client";
// The time window (1 min to 1 h), pause, and the scrub slider over what is held while
// paused. Paused charts stop following new samples; the data keeps arriving underneath.
import { formatClock } from "@/live/format-value";

export const WINDOW_CHOICES = [
  { seconds: 60, label: "1 min" },
  { seconds: 300, label: "5 min" },
  { seconds: 900, label: "15 min" },
  { seconds: 1800, label: "30 min" },
  { seconds: 3600, label: "1 h" },
] as const;

interface TWindowControlsProps {
  windowSeconds: number;
  onWindowChange: (seconds: number) => void;
  /** The view's end while paused; null when following live. */
  pausedAtMs: number | null;
  onPausedAtChange: (endMs: number | null) => void;
  /** Oldest and newest time the charts can show. */
  range: { fromMs: number; toMs: number } | null;
}

export function WindowControls({ windowSeconds, onWindowChange, pausedAtMs, onPausedAtChange, range }: TWindowControlsProps) {
  const scrubMin = range ? Math.min(range.toMs, range.fromMs + windowSeconds * 1000) : 0;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        Window
        <select className="rounded-md border border-slate-300 px-2 py-1" value={windowSeconds} onChange={(event) => onWindowChange(Number(event.target.value))} data-testid="window-select">
          {WINDOW_CHOICES.map((choice) => (
            <option key={choice.seconds} value={choice.seconds}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
        onClick={() => onPausedAtChange(pausedAtMs === null ? (range?.toMs ?? Date.now()) : null)}
        disabled={!range}
        data-testid="pause-button"
      >
        {pausedAtMs === null ? "Pause" : "Back to live"}
      </button>
      {pausedAtMs !== null && range ? (
        <label className="flex grow items-center gap-2">
          <span className="sr-only">Scrub through the last hour</span>
          <input
            type="range"
            className="grow"
            min={scrubMin}
            max={range.toMs}
            step={1000}
            value={Math.min(Math.max(pausedAtMs, scrubMin), range.toMs)}
            onChange={(event) => onPausedAtChange(Number(event.target.value))}
            data-testid="scrub"
          />
          <span className="font-mono text-xs text-slate-600">until {formatClock(pausedAtMs)}</span>
        </label>
      ) : null}
    </div>
  );
}
