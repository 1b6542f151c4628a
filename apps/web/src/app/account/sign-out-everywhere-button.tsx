"use client";
import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { signOutEverywhere } from "./actions";

export function SignOutEverywhereButton() {
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await signOutEverywhere();
          // This browser's cookie is already refused; clearing it keeps things tidy.
          await signOut({ callbackUrl: "/sign-in" });
        })
      }
      className="rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
    >
      {isPending ? "Signing out…" : "Sign out everywhere"}
    </button>
  );
}
