"use client";
// The team's reading activity per day over the last 30 days: minutes read by all members
// together (bars, left axis) and how many members read at all (line, right axis), so one
// keen reader and a team-wide habit look different.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TTeamActivityPoint } from "@perflab/db";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "@/app/progress/charts/chart-frame";

const CHART_HEIGHT_PX = 240;
const MEMBERS_LINE_COLOR = "#0284c7"; // sky-600
// Fixed month names: Intl's default locale can differ between server and browser and break hydration.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03-07" → "7 Mar", from the string: no Date, so no time zone. */
function formatShortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? ""}`;
}

export function TeamActivityChart({ activity, memberCount }: { activity: TTeamActivityPoint[]; memberCount: number }) {
  const activeDays = activity.filter((point) => point.activeMembers > 0);
  const minutes = activity.reduce((sum, point) => sum + point.minutes, 0);
  // Minutes are whole per day, so a few seconds of reading would otherwise read as "0 min".
  const readingText = minutes === 0 && activeDays.length > 0 ? "Under a minute" : `${minutes} min`;
  const summary = `${readingText} of reading on ${activeDays.length} of the last ${activity.length} days (UTC), by up to ${Math.max(0, ...activity.map((point) => point.activeMembers))} of ${memberCount} members a day.`;
  return (
    <ChartFrame testId="chart-team-activity" title="Activity" summary={summary} table={<ActivityTable points={activeDays} />}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
        <ComposedChart data={activity} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={formatShortDay} interval="preserveStartEnd" minTickGap={24} tick={TICK_STYLE} />
          <YAxis yAxisId="minutes" allowDecimals={false} width={56} unit=" min" tick={TICK_STYLE} />
          <YAxis yAxisId="members" orientation="right" allowDecimals={false} width={32} domain={[0, Math.max(memberCount, 1)]} tick={TICK_STYLE} />
          <Tooltip labelFormatter={(day) => formatShortDay(String(day))} cursor={{ fill: CHART_COLORS.barBackground }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="minutes" dataKey="minutes" name="minutes read" fill={CHART_COLORS.bar} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line yAxisId="members" dataKey="activeMembers" name="active members" stroke={MEMBERS_LINE_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function ActivityTable({ points }: { points: TTeamActivityPoint[] }) {
  return (
    <table>
      <caption>Days with activity (other days: none)</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Active members</th>
          <th scope="col">Minutes read</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.day}>
            <th scope="row">{point.day}</th>
            <td>{point.activeMembers}</td>
            <td>{point.minutes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
