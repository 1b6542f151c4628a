// Validation of what a person types when creating an account. Shared by the setup form
// and (later) sign-up and invitations, so every path enforces the same rules.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../security/password";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const ZDisplayName = z.string().trim().min(1, "Enter your name").max(100, "Name is too long");

export const ZNewAccount = z.object({ name: ZDisplayName, email: ZEmail, password: ZPassword });
export type TNewAccount = z.infer<typeof ZNewAccount>;

/** zod issues as { field: first message }, for forms that show errors beside each input. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}
