"use client";
// Completion per member: one row per member, one bar per track (share of that track's
// topics the member completed). Colours cycle through a small palette, named in the legend.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "@/app/progress/charts/chart-frame";

/** Distinct enough side by side, and readable on white: emerald, sky, amber, violet, rose, slate. */
const TRACK_COLORS = ["#059669", "#0284c7", "#d97706", "#7c3aed", "#e11d48", "#475569"] as const;
const BAR_HEIGHT_PX = 14;
const ROW_GAP_PX = 18;
const AXIS_AND_LEGEND_PX = 72;

export interface TMemberCompletionProps {
  tracks: { id: string; title: string }[];
  members: { userId: string; name: string; percent: number; tracks: { trackId: string; percent: number; completed: number; total: number }[] }[];
}

export function MemberCompletionChart({ tracks, members }: TMemberCompletionProps) {
  // recharts wants one flat object per row: the member's percent per track under the track's index.
  const data = members.map((member) => ({ name: member.name, ...Object.fromEntries(member.tracks.map((track, index) => [`track${index}`, track.percent])) }));
  const done = members.filter((member) => member.percent === 100).length;
  const summary = `${done} of ${members.length} members completed every assigned topic; ${tracks.length} ${tracks.length === 1 ? "track" : "tracks"} assigned.`;
  const height = members.length * (Math.max(tracks.length, 1) * BAR_HEIGHT_PX + ROW_GAP_PX) + AXIS_AND_LEGEND_PX;
  return (
    <ChartFrame testId="chart-member-completion" title="Completion per member" summary={summary} table={<MemberTable tracks={tracks} members={members} />}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit=" %" tick={TICK_STYLE} />
          <YAxis type="category" dataKey="name" width={140} tick={TICK_STYLE} />
          <Tooltip formatter={(value, name) => [`${String(value)} %`, String(name)]} cursor={{ fill: CHART_COLORS.barBackground }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {tracks.map((track, index) => (
            <Bar key={track.id} dataKey={`track${index}`} name={track.title} fill={TRACK_COLORS[index % TRACK_COLORS.length]} barSize={BAR_HEIGHT_PX} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function MemberTable({ tracks, members }: TMemberCompletionProps) {
  return (
    <table>
      <caption>Completion per member and track</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          {tracks.map((track) => (
            <th key={track.id} scope="col">
              {track.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.userId}>
            <th scope="row">{member.name}</th>
            {member.tracks.map((track) => (
              <td key={track.trackId}>
                {track.completed} of {track.total} topics ({track.percent} %)
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
