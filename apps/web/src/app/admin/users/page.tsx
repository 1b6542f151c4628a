// "/admin/users?q=…" – every account, with its role and state, and the controls to change them.
import { listUsers, type TUserListEntry } from "@perflab/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { AdminNav } from "../admin-nav";
import { UserRowActions } from "./user-row-actions";

export const metadata = { title: "Users · Admin" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireUser("/admin/users");
  if (actor.role !== "ADMIN") notFound();
  const { q } = await searchParams;
  const search = typeof q === "string" ? q.trim() : "";
  const db = getDb();
  // The whole list (not only the matches) decides whether the actor is the last active admin.
  const everyone = await listUsers(db, actor);
  const users = search ? await listUsers(db, actor, search) : everyone;
  const otherActiveAdmins = everyone.filter((user) => user.role === "ADMIN" && !user.deactivatedAt && user.id !== actor.id).length;

  return (
    <>
      <PageHeader title="Users">Roles decide what people can do. A deactivated account cannot sign in, and its open sessions stop working at their next request.</PageHeader>
      <AdminNav current="users" />
      <form action="/admin/users" method="get" role="search" className="mb-6 flex max-w-xl gap-2">
        <input
          type="search"
          name="q"
          defaultValue={search}
          maxLength={100}
          aria-label="Search users"
          placeholder="Name or email"
          className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
        />
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Search
        </button>
        {search ? (
          <Link href="/admin/users" className="self-center text-sm font-medium text-emerald-700 hover:underline">
            Show everyone
          </Link>
        ) : null}
      </form>
      {users.length === 0 ? (
        <EmptyState title="No matching accounts">Nobody&apos;s name or email contains &ldquo;{search}&rdquo;. Search for part of an address, such as the domain.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
              <tr>
                {["Name", "Role", "Signs in with", "Created", "Last active", "State", "Manage"].map((heading) => (
                  <th key={heading} scope="col" className="px-4 py-2 font-medium">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <UserRow key={user.id} user={user} isActor={user.id === actor.id} isLastActiveAdmin={user.id === actor.id && otherActiveAdmins === 0} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UserRow({ user, isActor, isLastActiveAdmin }: { user: TUserListEntry; isActor: boolean; isLastActiveAdmin: boolean }) {
  const isDeactivated = user.deactivatedAt !== null;
  return (
    <tr data-testid={`user-row-${user.email}`} className={`align-top ${isDeactivated ? "bg-slate-50 text-slate-500" : ""}`}>
      <td className="px-4 py-3">
        <div className="font-medium text-slate-900">
          {user.name}
          {isActor ? <span className="ml-1 font-normal text-slate-500">(you)</span> : null}
        </div>
        <div className="text-slate-500">{user.email}</div>
      </td>
      <td className="px-4 py-3">{user.role.toLowerCase()}</td>
      <td className="px-4 py-3">{user.signsInWith.length > 0 ? user.signsInWith.join(", ") : "no method yet"}</td>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={user.createdAt.toISOString()}>{dateFormat.format(user.createdAt)}</time>
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        {/* Activity is what topic visits record; signing in alone leaves no trace. */}
        {user.lastActiveAt ? <time dateTime={user.lastActiveAt.toISOString()}>{dateFormat.format(user.lastActiveAt)}</time> : <span className="text-slate-400">no activity</span>}
      </td>
      <td className="px-4 py-3" data-testid="user-state">
        {isDeactivated ? "deactivated" : "active"}
      </td>
      <td className="px-4 py-3">
        <UserRowActions
          user={{ id: user.id, email: user.email, role: user.role, isDeactivated }}
          deactivationBlockedBecause={isLastActiveAdmin ? "You are the only active administrator, so you cannot deactivate yourself." : null}
        />
      </td>
    </tr>
  );
}
