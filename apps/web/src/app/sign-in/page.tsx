// "/sign-in" – email and password, and the identity provider when one is configured.
import { readInstanceSettings } from "@perflab/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getServerEnv } from "@/env";
import { OIDC_PROVIDER_ID, isOidcConfigured } from "@/server/auth/auth-options";
import { getCurrentUser } from "@/server/auth/current-user";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { getDb } from "@/server/db";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const { signUpMode } = await readInstanceSettings(getDb());
  const identityProvider = isOidcConfigured() ? { id: OIDC_PROVIDER_ID, name: getServerEnv().OIDC_DISPLAY_NAME } : null;
  return (
    <div className="max-w-md">
      <PageHeader title="Sign in" />
      <SignInForm returnTo={returnTo} initialError={typeof params.error === "string" ? params.error : null} identityProvider={identityProvider} />
      {signUpMode === "open" ? (
        <p className="mt-4 text-sm text-slate-600">
          New here? <Link href="/sign-up" className="font-medium text-emerald-700 hover:underline">Create an account</Link>
        </p>
      ) : null}
    </div>
  );
}
