// "/admin" – instance overview for administrators, and the way into each admin task.
import { checkDatabase, countUsersByRole, listInvitations, readInstanceSettings } from "@perflab/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { AdminNav } from "./admin-nav";

export const metadata = { title: "Admin" };

const SIGN_UP_MODE_LABELS = { open: "open to anyone", "invite-only": "by invitation only", closed: "closed" } as const;

export default async function AdminPage() {
  const user = await requireUser("/admin");
  if (user.role !== "ADMIN") notFound();
  const db = getDb();
  const [usersByRole, database, invitations, settings] = await Promise.all([
    countUsersByRole(db, user),
    checkDatabase(db),
    listInvitations(db, user),
    readInstanceSettings(db),
  ]);
  const pendingInvitations = invitations.filter((invitation) => invitation.state === "pending").length;
  return (
    <>
      <PageHeader title="Admin">Users, roles and the health of this instance.</PageHeader>
      <AdminNav current="overview" />
      <dl className="grid gap-4 sm:grid-cols-4">
        {Object.entries(usersByRole).map(([role, count]) => (
          <div key={role} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{role.toLowerCase()}s</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid={`count-${role.toLowerCase()}`}>
              {count}
            </dd>
          </div>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">database</dt>
          <dd className="mt-1 text-2xl font-semibold">{database.isReachable ? `${database.latencyMs} ms` : "unreachable"}</dd>
        </div>
      </dl>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <TaskCard href="/admin/users" title="Users">
          Find accounts, change roles, deactivate and reactivate.
        </TaskCard>
        <TaskCard href="/admin/invitations" title="Invitations">
          {pendingInvitations === 1 ? "1 invitation is" : `${pendingInvitations} invitations are`} waiting to be used. Invite someone new.
        </TaskCard>
        <TaskCard href="/admin/settings" title="Settings">
          Sign-up is {SIGN_UP_MODE_LABELS[settings.signUpMode]}; a quiz passes at {settings.quizPassPercent}%.
        </TaskCard>
        {/* A plain link, not next/link: the route answers with a file to download, not a page. */}
        <a href="/api/admin/progress.csv" download className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-emerald-500">
          <span className="font-medium text-slate-900">Export progress (CSV)</span>
          <span className="mt-1 block text-sm text-slate-600">Every learner&apos;s progress per topic, quiz scores and exercises, for a spreadsheet.</span>
        </a>
      </div>
    </>
  );
}

function TaskCard({ href, title, children }: { href: string; title: string; children: ReactNode }) {
  return (
    <Link href={href} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-emerald-500">
      <span className="font-medium text-slate-900">{title}</span>
      <span className="mt-1 block text-sm text-slate-600">{children}</span>
    </Link>
  );
}
