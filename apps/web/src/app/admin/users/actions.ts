"use server";
// The server action behind each row of the users table. What the form sends is only a
// request: the data layer decides whether the signed-in actor may do it (admins only) and
// refuses anything that would leave perflab without an active administrator.
import { changeUserRole, ForbiddenError, setUserDeactivated, type TManageUserResult } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export interface TUserRowState {
  /** The outcome of the row's last submit, shown on that row. */
  message: string | null;
  isError: boolean;
}

const ZUserRowRequest = z.object({
  intent: z.enum(["change-role", "deactivate", "reactivate"]),
  userId: z.string().min(1).max(64),
  // Checked against the known roles by changeUserRole, which answers "invalid-role".
  role: z.string().max(32).optional(),
});

const REFUSALS: Record<Extract<TManageUserResult, { error: unknown }>["error"], string> = {
  "last-admin": "perflab needs at least one active administrator: make someone else an administrator first.",
  "not-found": "This account does not exist any more.",
  "invalid-role": "Choose learner, instructor or admin.",
};

const failed = (message: string): TUserRowState => ({ message, isError: true });

export async function manageUser(_previous: TUserRowState, formData: FormData): Promise<TUserRowState> {
  const request = ZUserRowRequest.safeParse(Object.fromEntries(formData));
  if (!request.success) return failed("This request was not understood. Reload the page and try again.");
  const actor = await getCurrentUser();
  if (!actor) return failed("Your session has ended. Sign in again.");
  const { intent, userId, role } = request.data;

  let result: TManageUserResult;
  try {
    result =
      intent === "change-role"
        ? await changeUserRole(getDb(), actor, userId, role)
        : await setUserDeactivated(getDb(), actor, userId, intent === "deactivate");
  } catch (error) {
    if (error instanceof ForbiddenError) return failed("Only administrators can manage accounts.");
    console.error("admin users: action failed", error);
    return failed("Something went wrong. Try again in a moment.");
  }
  if ("error" in result) return failed(REFUSALS[result.error]);

  revalidatePath("/admin", "layout");
  // An admin who deactivated their own account has no session left to show a page to.
  if (intent === "deactivate" && userId === actor.id) redirect("/sign-in");
  const changed = result.data;
  const message = {
    "change-role": `${changed.email} is now ${changed.role.toLowerCase()}.`,
    deactivate: `${changed.email} is deactivated; their sessions stop at their next request.`,
    reactivate: `${changed.email} is active again and can sign in.`,
  }[intent];
  return { message, isError: false };
}
