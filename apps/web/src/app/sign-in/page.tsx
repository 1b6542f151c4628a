// "/sign-in" – email and password.
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

/** Only same-site paths: an open redirect would let a link send people anywhere. */
function safeReturnPath(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/curriculum";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="max-w-md">
      <PageHeader title="Sign in" />
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
