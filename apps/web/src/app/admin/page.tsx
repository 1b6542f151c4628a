// "/admin" – instance overview for administrators.
import { checkDatabase, countUsersByRole } from "@perflab/db";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  if (user.role !== "ADMIN") notFound();
  const db = getDb();
  const [usersByRole, database] = await Promise.all([countUsersByRole(db, user), checkDatabase(db)]);
  return (
    <>
      <PageHeader title="Admin">Users, roles and the health of this instance.</PageHeader>
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
    </>
  );
}
