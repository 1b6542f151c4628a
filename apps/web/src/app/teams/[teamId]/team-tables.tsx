// The dashboard's numbers a lead acts on, as visible tables: who is overdue on what (first,
// since it needs doing something about), and each member's completion per track.
import type { TMemberCompletion, TOverdueAssignment } from "@perflab/db";
import { EmptyState } from "@/components/empty-state";

const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const CELL = "px-3 py-2";

export function OverdueTable({ overdue }: { overdue: TOverdueAssignment[] }) {
  if (overdue.length === 0) return <EmptyState title="Nothing overdue">Every assignment past its due date is complete.</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="overdue">
        <caption className="sr-only">Assignments past their due date and not complete</caption>
        <thead className="bg-red-50 text-red-900">
          <tr>
            <th scope="col" className={CELL}>Member</th>
            <th scope="col" className={CELL}>Track</th>
            <th scope="col" className={CELL}>Was due</th>
            <th scope="col" className={CELL}>Overdue by</th>
            <th scope="col" className={CELL}>Done</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {overdue.map((row) => (
            <tr key={`${row.userId}:${row.trackId}`} data-testid="overdue-row">
              <th scope="row" className={`${CELL} font-medium`}>{row.name}</th>
              <td className={CELL}>{row.trackTitle}</td>
              <td className={CELL}>{dayFormat.format(row.dueAt)}</td>
              <td className={CELL}>{row.daysOverdue === 0 ? "less than a day" : `${row.daysOverdue} ${row.daysOverdue === 1 ? "day" : "days"}`}</td>
              <td className={CELL}>
                {row.completed} of {row.total} topics
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MemberCompletionTable({ tracks, members }: { tracks: { id: string; title: string }[]; members: TMemberCompletion[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="member-completion">
        <caption className="sr-only">Each member&apos;s completion per track</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={CELL}>Member</th>
            {tracks.map((track) => (
              <th key={track.id} scope="col" className={CELL}>{track.title}</th>
            ))}
            <th scope="col" className={CELL}>All assigned topics</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => (
            <tr key={member.userId} data-testid="member-row">
              <th scope="row" className={`${CELL} font-medium`}>{member.name}</th>
              {member.tracks.map((track) => (
                <td key={track.trackId} className={CELL} data-testid="member-track" data-state={track.state}>
                  {track.completed}/{track.total} ({track.percent} %){track.isOverdue ? <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">overdue</span> : null}
                </td>
              ))}
              <td className={CELL} data-testid="member-percent">
                {member.percent} %
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
