"use client";
// Minutes of reading per day over the last 30 of the learner's own days, zero-filled.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ACTIVITY_WINDOW_DAYS, buildActivitySeries, type TActivityDay } from "@/server/progress/build-dashboard";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "./chart-frame";
import { useLearnerToday } from "./use-learner-today";

const CHART_HEIGHT_PX = 220;
// Fixed English month names rather than Intl's default locale, which can differ between
// the server and the browser and would make hydration disagree.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function ActivityChart({ activityDays, serverToday }: { activityDays: TActivityDay[]; serverToday: string }) {
  const series = buildActivitySeries(activityDays, useLearnerToday(serverToday));
  const activePoints = series.filter((point) => point.minutes > 0);
  const totalMinutes = Math.round(activePoints.reduce((total, point) => total + point.minutes, 0));
  const summary = `${totalMinutes} min of reading on ${activePoints.length} of the last ${ACTIVITY_WINDOW_DAYS} days.`;
  return (
    <ChartFrame testId="chart-activity" title="Activity" summary={summary} table={<ActivityTable points={activePoints} />}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
        <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={formatShortDay} interval="preserveStartEnd" minTickGap={24} tick={TICK_STYLE} />
          <YAxis allowDecimals={false} width={48} unit=" min" tick={TICK_STYLE} />
          <Tooltip labelFormatter={(day) => formatShortDay(String(day))} formatter={(value) => [`${String(value)} min`, "active"]} cursor={{ fill: CHART_COLORS.barBackground }} />
          <Bar dataKey="minutes" fill={CHART_COLORS.bar} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function ActivityTable({ points }: { points: { day: string; minutes: number }[] }) {
  return (
    <table>
      <caption>Days with activity in the last {ACTIVITY_WINDOW_DAYS} days (other days: none)</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Minutes active</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.day}>
            <th scope="row">{point.day}</th>
            <td>{point.minutes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "2025-03-07" → "7 Mar", read from the string itself: no Date, so no time zone. */
function formatShortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? ""}`;
}
