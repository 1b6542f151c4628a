"use client";
// The account form shared by first-admin setup and sign-up: name, email, password twice,
// field-level errors that keep what was typed. On success it signs the new account in
// with the password still in the form, so people land in the product, not on a sign-in page.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormField } from "./form-field";

export interface TNewAccountFormState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  createdEmail: string | null;
  /** What was typed (never the password), so a rejected form keeps it. */
  values: { name: string; email: string };
}

export const EMPTY_NEW_ACCOUNT_FORM: TNewAccountFormState = { fieldErrors: {}, formError: null, createdEmail: null, values: { name: "", email: "" } };

interface NewAccountFormProps {
  action: (previous: TNewAccountFormState, formData: FormData) => Promise<TNewAccountFormState>;
  hiddenFields: Record<string, string>;
  submitLabel: string;
  returnTo: string;
  initialEmail?: string;
}

export function NewAccountForm({ action, hiddenFields, submitLabel, returnTo, initialEmail = "" }: NewAccountFormProps) {
  const [state, formAction, isPending] = useActionState(action, { ...EMPTY_NEW_ACCOUNT_FORM, values: { name: "", email: initialEmail } });
  // React resets the form after the action runs; keep the password to sign in with.
  const submittedPassword = useRef("");
  const router = useRouter();

  useEffect(() => {
    if (!state.createdEmail) return;
    void signIn("credentials", { email: state.createdEmail, password: submittedPassword.current, redirect: false }).then((response) => {
      router.replace(response?.ok && !response.error ? returnTo : "/sign-in");
      router.refresh();
    });
  }, [state.createdEmail, router, returnTo]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        submittedPassword.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      noValidate
    >
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormField label="Name" name="name" autoComplete="name" required defaultValue={state.values.name} error={state.fieldErrors.name} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values.email} error={state.fieldErrors.email} />
      <FormField label="Password (12 characters or more)" name="password" type="password" autoComplete="new-password" required error={state.fieldErrors.password} />
      <FormField label="Repeat the password" name="passwordConfirmation" type="password" autoComplete="new-password" required error={state.fieldErrors.passwordConfirmation} />
      {state.formError ? (
        <p role="alert" className="text-sm text-red-600">
          {state.formError}
        </p>
      ) : null}
      <button type="submit" disabled={isPending || Boolean(state.createdEmail)} className="w-full rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
        {state.createdEmail ? "Signing in…" : isPending ? "Creating…" : submitLabel}
      </button>
    </form>
  );
}
