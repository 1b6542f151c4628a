"use client";
// "starts in 7 s", ticking, then "started": the countdown of a run for everyone or a drill.
import { useEffect, useState } from "react";

/** The time now, re-read every second until startsAtMs has passed. */
export function useNowUntil(startsAtMs: number): number {
  const [nowMs, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (nowMs >= startsAtMs) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, startsAtMs - nowMs));
    return () => clearTimeout(timer);
  }, [nowMs, startsAtMs]);
  return nowMs;
}

export function Countdown({ startsAtMs }: { startsAtMs: number }) {
  const nowMs = useNowUntil(startsAtMs);
  const seconds = Math.ceil((startsAtMs - nowMs) / 1000);
  return (
    <span className="tabular-nums" data-testid="countdown">
      {seconds > 0 ? `starts in ${seconds} s` : "started"}
    </span>
  );
}
