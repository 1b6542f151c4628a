// "/admin/invitations" – invite people (the way in while sign-up is invite-only) and see
// what became of earlier invitations.
import { listInvitations, type TInvitationSummary } from "@perflab/db";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { AdminNav } from "../admin-nav";
import { revokeInvitationFromList } from "./actions";
import { InvitationForm } from "./invitation-form";

export const metadata = { title: "Invitations · Admin" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const STATE_STYLES: Record<TInvitationSummary["state"], string> = {
  pending: "bg-emerald-50 text-emerald-800",
  used: "bg-slate-100 text-slate-700",
  revoked: "bg-red-50 text-red-700",
  expired: "bg-amber-50 text-amber-800",
};

export default async function AdminInvitationsPage() {
  const actor = await requireUser("/admin/invitations");
  if (actor.role !== "ADMIN") notFound();
  const invitations = await listInvitations(getDb(), actor);
  return (
    <>
      <PageHeader title="Invitations">An invitation is a one-time sign-up link with a role. It works while sign-up is open or invite-only (not closed), until it is used, revoked or expires.</PageHeader>
      <AdminNav current="invitations" />
      <div className="space-y-10">
        <section aria-labelledby="new-invitation" className="max-w-md">
          <h2 id="new-invitation" className="mb-3 text-lg font-semibold">
            New invitation
          </h2>
          <InvitationForm />
        </section>
        <section aria-labelledby="invitation-list">
          <h2 id="invitation-list" className="mb-3 text-lg font-semibold">
            All invitations
          </h2>
          {invitations.length === 0 ? (
            <EmptyState title="No invitations yet">Invitations you create appear here, with whether they were used and by whom.</EmptyState>
          ) : (
            <InvitationTable invitations={invitations} />
          )}
        </section>
      </div>
    </>
  );
}

function InvitationTable({ invitations }: { invitations: TInvitationSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
          <tr>
            {["For", "Role", "Created", "Expires", "State", ""].map((heading) => (
              <th key={heading || "actions"} scope="col" className="px-4 py-2 font-medium">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid={`invitation-row-${invitation.id}`} className="align-top">
              <td className="px-4 py-3">{invitation.email ?? <span className="text-slate-500">anyone with the link</span>}</td>
              <td className="px-4 py-3">{invitation.role.toLowerCase()}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={invitation.createdAt.toISOString()}>{dateFormat.format(invitation.createdAt)}</time>
                <div className="text-slate-500">by {invitation.createdBy}</div>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={invitation.expiresAt.toISOString()}>{dateFormat.format(invitation.expiresAt)}</time>
              </td>
              <td className="px-4 py-3">
                <span data-testid="invitation-state" className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLES[invitation.state]}`}>
                  {invitation.state}
                </span>
                {invitation.usedBy ? <div className="mt-1 text-slate-500">by {invitation.usedBy}</div> : null}
              </td>
              <td className="px-4 py-3 text-right">
                {invitation.state === "pending" ? (
                  <form action={revokeInvitationFromList}>
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-slate-50">
                      Revoke
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
