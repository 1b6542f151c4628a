"use server";
// "Sign out everywhere": every session of this account that exists now (other browsers,
// a lost laptop) stops working at its next request, this one included.
import { endAllSessions } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export async function signOutEverywhere(): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false };
  await endAllSessions(getDb(), user);
  return { ok: true };
}
