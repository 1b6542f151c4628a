// "/account" – who you are signed in as, your record, and signing out of every device.
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Account" />
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-500">Name</dt>
        <dd>{user.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd data-testid="account-role">{user.role.toLowerCase()}</dd>
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-medium">Your record</h2>
        <p className="mt-1 text-sm text-slate-600">Every topic visit, quiz attempt and exercise report perflab keeps about you, as JSON.</p>
        <a href="/api/me/progress" className="mt-3 inline-block text-sm font-medium text-emerald-700 hover:underline">
          Download my record
        </a>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-medium">Sessions</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">Signs you out on every browser and device, including this one. Sessions also end by themselves after 12 hours.</p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
