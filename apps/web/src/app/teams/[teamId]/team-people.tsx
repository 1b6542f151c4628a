// The team's people: leads first. Administrators add accounts by email, make an instructor
// a lead (or a member again) and take people off the team; leads only read the list.
import type { TTeamMemberEntry } from "@perflab/db";
import { AddMemberForm } from "../team-forms";
import { manageMemberAction } from "../actions";

const BUTTON = "rounded-md border px-2 py-1 text-xs";

function MemberButton({ teamId, userId, intent, label, isDanger = false }: { teamId: string; userId: string; intent: string; label: string; isDanger?: boolean }) {
  return (
    <form action={manageMemberAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`${BUTTON} ${isDanger ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 hover:bg-slate-50"}`}>
        {label}
      </button>
    </form>
  );
}

export function TeamPeople({ teamId, members, canManage }: { teamId: string; members: TTeamMemberEntry[]; canManage: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ul className="divide-y divide-slate-200 self-start rounded-lg border border-slate-200 bg-white" data-testid="team-people">
        {members.length === 0 ? <li className="p-3 text-sm text-slate-600">Nobody on this team yet.</li> : null}
        {members.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm" data-testid="team-person">
            <span>
              {member.name} <span className="text-slate-500">({member.email})</span>{" "}
              {member.isLead ? <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">lead</span> : null}
            </span>
            {canManage ? (
              <span className="flex gap-2">
                {member.isLead ? (
                  <MemberButton teamId={teamId} userId={member.userId} intent="make-member" label="Make member" />
                ) : member.role !== "LEARNER" ? (
                  <MemberButton teamId={teamId} userId={member.userId} intent="make-lead" label="Make lead" />
                ) : null}
                <MemberButton teamId={teamId} userId={member.userId} intent="remove" label="Remove" isDanger />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? <AddMemberForm teamId={teamId} /> : null}
    </div>
  );
}
