"use client";
// The first-admin form. On success it signs the new admin in with the password still in
// the form, so the operator lands in the product instead of on a sign-in page.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormField } from "@/components/form-field";
import { submitSetupForm, type TSetupFormState } from "./actions";

const INITIAL_STATE: TSetupFormState = { fieldErrors: {}, formError: null, createdEmail: null, values: { name: "", email: "" } };

export function SetupForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(submitSetupForm, INITIAL_STATE);
  // React resets the form after the action runs; keep the password to sign in with.
  const submittedPassword = useRef("");
  const router = useRouter();

  useEffect(() => {
    if (!state.createdEmail) return;
    void signIn("credentials", { email: state.createdEmail, password: submittedPassword.current, redirect: false }).then((response) => {
      router.replace(response?.ok ? "/curriculum" : "/sign-in");
      router.refresh();
    });
  }, [state.createdEmail, router]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        submittedPassword.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <input type="hidden" name="token" value={token} />
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
        {state.createdEmail ? "Signing in…" : isPending ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
