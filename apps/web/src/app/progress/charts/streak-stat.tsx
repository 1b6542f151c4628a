"use client";
// The streak tile of the progress header, counted in the learner's own calendar days.
import { computeStreak, type TActivityDay } from "@/server/progress/build-dashboard";
import { useLearnerToday } from "./use-learner-today";

export function StreakStat({ activityDays, serverToday }: { activityDays: TActivityDay[]; serverToday: string }) {
  const { current, longest, isActiveToday } = computeStreak(activityDays, useLearnerToday(serverToday));
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-500">streak</dt>
      <dd className="mt-1 text-2xl font-semibold">
        <span data-testid="streak">{current}</span> {current === 1 ? "day" : "days"}
      </dd>
      <dd className="mt-1 text-xs text-slate-500">{describeStreak(current, longest, isActiveToday)}</dd>
    </div>
  );
}

function describeStreak(current: number, longest: number, isActiveToday: boolean): string {
  if (current > 0 && !isActiveToday) return "Read a little today to keep it going";
  if (longest > current) return `Longest: ${longest} days`;
  if (current > 0) return "Your longest so far";
  return "Starts on your first day of reading";
}
