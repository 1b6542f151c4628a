// "/sign-up" (and "/sign-up?invite=<token>") – creating an account, as the instance's
// sign-up mode allows: open to anyone, by invitation only, or closed.
import { describeInvitation, readInstanceSettings } from "@perflab/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { NewAccountForm } from "@/components/new-account-form";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { submitSignUpForm } from "./actions";

export const metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string | string[] }> }) {
  if (await getCurrentUser()) redirect("/curriculum");
  const invite = (await searchParams).invite;
  const token = typeof invite === "string" ? invite : "";
  const db = getDb();
  const [{ signUpMode }, invitation] = await Promise.all([readInstanceSettings(db), describeInvitation(db, token)]);

  const refusal =
    signUpMode === "closed"
      ? "Sign-up is closed on this perflab. Ask an administrator for an account."
      : token && !invitation
        ? "This invitation link has expired, been used or been revoked. Ask for a new one."
        : signUpMode === "invite-only" && !invitation
          ? "Sign-up on this perflab is by invitation. Ask an administrator for an invitation link."
          : null;
  return (
    <div className="max-w-md">
      <PageHeader title="Create your account">
        {invitation ? `You were invited${invitation.role === "LEARNER" ? "" : ` as ${invitation.role.toLowerCase()}`}.` : "Track what you read, practise and pass."}
      </PageHeader>
      {refusal ? (
        <EmptyState title="You cannot sign up here yet">{refusal}</EmptyState>
      ) : (
        <NewAccountForm action={submitSignUpForm} hiddenFields={{ invitation: token }} submitLabel="Create account" returnTo="/curriculum" initialEmail={invitation?.email ?? ""} />
      )}
      <p className="mt-4 text-sm text-slate-600">
        Already have an account? <Link href="/sign-in" className="font-medium text-emerald-700 hover:underline">Sign in</Link>
      </p>
    </div>
  );
}
