// "/setup?token=…" – creates the first admin account from the one-time console link.
import { isSetupComplete, isSetupTokenValid } from "@perflab/db";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/server/db";
import { NewAccountForm } from "@/components/new-account-form";
import { submitSetupForm } from "./actions";

export const metadata = { title: "Set up perflab" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const db = getDb();
  const { token } = await searchParams;
  const setupToken = typeof token === "string" ? token : "";
  if (await isSetupComplete(db)) {
    return (
      <div className="max-w-xl">
        <PageHeader title="perflab is set up">An administrator account already exists.</PageHeader>
        <Link href="/sign-in" className="font-medium text-emerald-700 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  if (!(await isSetupTokenValid(db, setupToken))) {
    return (
      <div className="max-w-xl">
        <PageHeader title="Welcome to perflab">
          To create the first administrator account, open the one-time setup link that the server printed on its console when it started
          (it looks like <code className="font-mono text-sm">http://localhost:3000/setup?token=…</code>). Restarting the server prints a new one.
        </PageHeader>
        {setupToken ? <p className="text-sm text-red-600">This setup link is not valid any more: it was replaced by a newer one or has expired.</p> : null}
      </div>
    );
  }
  return (
    <div className="max-w-md">
      <PageHeader title="Create the administrator account">This account manages users, workshops and lab machines. No default password exists: choose yours now.</PageHeader>
      <NewAccountForm action={submitSetupForm} hiddenFields={{ token: setupToken }} submitLabel="Create administrator" returnTo="/curriculum" />
    </div>
  );
}
