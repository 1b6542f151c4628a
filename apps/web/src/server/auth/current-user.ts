// Who is asking, for server components, route handlers and server actions. The session
// only names a user id; the user is re-read so deactivation and role changes apply at once.
import { getActiveUser, type TUserSummary } from "@perflab/db";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { getAuthOptions } from "./auth-options";

export async function getCurrentUser(): Promise<TUserSummary | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId || typeof session.signedInAt !== "number") return null;
  return getActiveUser(getDb(), session.userId, session.signedInAt);
}

/** For pages that need an account: sends visitors to sign in and back. */
export async function requireUser(returnTo: string): Promise<TUserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
