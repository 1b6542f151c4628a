"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormField } from "@/components/form-field";
import { describeSignInError } from "@/server/auth/sign-in-errors";

interface SignInFormProps {
  returnTo: string;
  /** An error next-auth sent back in the URL (identity-provider sign-in). */
  initialError: string | null;
  identityProvider: { id: string; name: string } | null;
}

export function SignInForm({ returnTo, initialError, identityProvider }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(describeSignInError(initialError));
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const response = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setIsPending(false);
    if (response?.ok && !response.error) {
      router.replace(returnTo);
      router.refresh();
    } else {
      setError(describeSignInError(response?.error ?? "CredentialsSignin"));
    }
  }

  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <form onSubmit={onSubmit} className="space-y-4">
        <FormField label="Email" name="email" type="email" autoComplete="email" required />
        <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
        {error ? (
          <p role="alert" className="text-sm text-red-600" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={isPending} className="w-full rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
          {isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {identityProvider ? (
        <button
          type="button"
          onClick={() => void signIn(identityProvider.id, { callbackUrl: returnTo })}
          className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50"
        >
          Sign in with {identityProvider.name}
        </button>
      ) : null}
    </div>
  );
}
