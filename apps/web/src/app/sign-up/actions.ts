"use server";
// Server action behind the sign-up form. Who may sign up (the mode, the invitation) is
// decided in the data layer; this maps its answer to what the form shows.
import { signUp } from "@perflab/db";
import type { TNewAccountFormState } from "@/components/new-account-form";
import { getDb } from "@/server/db";


const FORM_ERRORS = {
  "sign-up-closed": "Sign-up is closed on this perflab. Ask an administrator for an account.",
  "invitation-required": "Sign-up needs an invitation on this perflab. Ask an administrator for an invitation link.",
  "invalid-invitation": "This invitation link has expired, been used or been revoked. Ask for a new one.",
} as const;

export async function submitSignUpForm(_previous: TNewAccountFormState, formData: FormData): Promise<TNewAccountFormState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const invitation = String(formData.get("invitation") ?? "") || null;
  const rejected = { formError: null, createdEmail: null, values };
  if (formData.get("password") !== formData.get("passwordConfirmation")) {
    return { ...rejected, fieldErrors: { passwordConfirmation: "The two passwords differ" } };
  }
  const result = await signUp(getDb(), { ...values, password: formData.get("password") }, invitation);
  if ("data" in result) return { fieldErrors: {}, formError: null, createdEmail: result.data.email, values };
  if (result.error === "invalid-input") return { ...rejected, fieldErrors: result.fieldErrors };
  return { ...rejected, fieldErrors: {}, formError: FORM_ERRORS[result.error] };
}
