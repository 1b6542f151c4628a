// The top bar: brand, the areas of the product, and the account menu. Teams is shown to
// administrators and to instructors who lead a team (the layout asks the data layer).
import Link from "next/link";
import type { TUserSummary } from "@perflab/db";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

const NAV_ITEMS = [
  { href: "/curriculum", label: "Curriculum", isAdminOnly: false },
  { href: "/labs", label: "Labs", isAdminOnly: false },
  { href: "/workshops", label: "Workshops", isAdminOnly: false },
  { href: "/progress", label: "Progress", isAdminOnly: false },
  { href: "/teams", label: "Teams", isAdminOnly: false, isForTeamLeads: true },
  { href: "/admin", label: "Admin", isAdminOnly: true },
] as const;

export function SiteHeader({ user, showsTeams = false }: { user: TUserSummary | null; showsTeams?: boolean }) {
  const items = NAV_ITEMS.filter((item) => ("isForTeamLeads" in item ? showsTeams : !item.isAdminOnly || user?.role === "ADMIN"));
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl items-center gap-8 px-6 py-3">
        <Link href="/" className="font-mono text-lg font-semibold tracking-tight text-slate-900">
          perf<span className="text-emerald-600">lab</span>
        </Link>
        <nav aria-label="Main" className="flex flex-1 gap-1">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account" className="text-slate-600 hover:text-slate-900" data-testid="current-user">
              {user.name} <span className="text-slate-400">· {user.role.toLowerCase()}</span>
            </Link>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/sign-in" className="text-sm font-medium text-emerald-700 hover:text-emerald-800">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
