"use server";
// Server action behind the setup form. Validation and authorization (the one-time token)
// happen in the data layer; this only maps the result to what the form shows.
import { createFirstAdmin } from "@perflab/db";
import type { TNewAccountFormState } from "@/components/new-account-form";
import { getDb } from "@/server/db";


const FORM_ERRORS = {
  "setup-closed": "An administrator account already exists. Sign in instead.",
  "invalid-token": "This setup link is not valid any more. Use the newest link printed on the server console.",
} as const;

export async function submitSetupForm(_previous: TNewAccountFormState, formData: FormData): Promise<TNewAccountFormState> {
  const token = String(formData.get("token") ?? "");
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const input = { ...values, password: formData.get("password") };
  const rejected = { formError: null, createdEmail: null, values };
  if (input.password !== formData.get("passwordConfirmation")) {
    return { ...rejected, fieldErrors: { passwordConfirmation: "The two passwords differ" } };
  }
  const result = await createFirstAdmin(getDb(), token, input);
  if ("data" in result) return { fieldErrors: {}, formError: null, createdEmail: result.data.email, values };
  if (result.error === "invalid-input") return { ...rejected, fieldErrors: result.fieldErrors };
  return { ...rejected, fieldErrors: {}, formError: FORM_ERRORS[result.error] };
}
