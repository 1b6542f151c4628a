// The admin area's sub-navigation. Each admin page names itself, so this stays a server
// component: "/admin" is a prefix of every other admin path, which a path match would mark.
import Link from "next/link";

const ADMIN_PAGES = [
  { key: "overview", href: "/admin", label: "Overview" },
  { key: "users", href: "/admin/users", label: "Users" },
  { key: "invitations", href: "/admin/invitations", label: "Invitations" },
  { key: "settings", href: "/admin/settings", label: "Settings" },
] as const;

export type TAdminPage = (typeof ADMIN_PAGES)[number]["key"];

export function AdminNav({ current }: { current: TAdminPage }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-3">
      {ADMIN_PAGES.map((page) => {
        const isCurrent = page.key === current;
        return (
          <Link
            key={page.key}
            href={page.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${isCurrent ? "bg-emerald-50 text-emerald-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {page.label}
          </Link>
        );
      })}
    </nav>
  );
}
