"use server";
// Server actions of the invitations page. Validation of the invitation and the admin check
// happen in the data layer; these map its answers to what the page shows. The token comes
// back once, inside the link, and is never stored in a form that could be submitted again.
import { createInvitation, ForbiddenError, revokeInvitation } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getServerEnv } from "@/env";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export interface TInvitationFormState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What was typed, so a rejected form keeps it. After a success only the email is
   *  cleared: the next invitation is usually for another person with the same role. */
  values: { email: string; role: string; validDays: string };
  /** Only in the answer to the submit that created the invitation. */
  created: { link: string; email: string | null; role: string; expiresAt: string } | null;
}

const NOT_ADMIN = "Only administrators can invite people.";
const SESSION_ENDED = "Your session has ended. Sign in again.";

function readText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function submitInvitationForm(_previous: TInvitationFormState, formData: FormData): Promise<TInvitationFormState> {
  const values = { email: readText(formData, "email"), role: readText(formData, "role"), validDays: readText(formData, "validDays") };
  const rejected = { fieldErrors: {}, created: null, values };
  const actor = await getCurrentUser();
  if (!actor) return { ...rejected, formError: SESSION_ENDED };
  try {
    const result = await createInvitation(getDb(), actor, values);
    if ("error" in result) return { ...rejected, fieldErrors: result.fieldErrors, formError: null };
    revalidatePath("/admin", "layout");
    const { token, invitation } = result.data;
    const link = `${getServerEnv().PERFLAB_PUBLIC_URL}/sign-up?invite=${encodeURIComponent(token)}`;
    return {
      fieldErrors: {},
      formError: null,
      values: { ...values, email: "" },
      created: { link, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
    };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ...rejected, formError: NOT_ADMIN };
    console.error("admin invitations: creating failed", error);
    return { ...rejected, formError: "Something went wrong. Try again in a moment." };
  }
}

const ZRevokeRequest = z.object({ invitationId: z.string().min(1).max(64) });

/** The Revoke button of a pending invitation. The list shows the outcome: its new state. */
export async function revokeInvitationFromList(formData: FormData): Promise<void> {
  const request = ZRevokeRequest.safeParse({ invitationId: formData.get("invitationId") });
  const actor = await getCurrentUser();
  if (!request.success || !actor) return;
  try {
    // False means it was used or revoked meanwhile: the refreshed list says which.
    await revokeInvitation(getDb(), actor, request.data.invitationId);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) console.error("admin invitations: revoking failed", error);
    return;
  }
  revalidatePath("/admin", "layout");
}
