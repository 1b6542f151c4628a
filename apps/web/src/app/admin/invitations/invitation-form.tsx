"use client";
// Creates an invitation and shows its sign-up link once: only a hash of the token is kept,
// so this answer is the one moment the link can be copied.
import { useActionState, useRef, useState } from "react";
import { FormField } from "@/components/form-field";
import { submitInvitationForm, type TInvitationFormState } from "./actions";
import { FormSubmit } from "@/components/form-submit";

const INITIAL_STATE: TInvitationFormState = { fieldErrors: {}, formError: null, values: { email: "", role: "LEARNER", validDays: "7" }, created: null };

const ROLE_OPTIONS = [
  { value: "LEARNER", label: "Learner" },
  { value: "INSTRUCTOR", label: "Instructor" },
  { value: "ADMIN", label: "Admin" },
] as const;

export function InvitationForm() {
  const [state, formAction, isPending] = useActionState(submitInvitationForm, INITIAL_STATE);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
        <FormField label="Email (optional: only this address can use the link)" name="email" type="email" autoComplete="off" defaultValue={state.values.email} error={state.fieldErrors.email} />
        <label className="block">
          <span className="text-sm font-medium text-slate-700">Role</span>
          {/* Keyed by value: a select ignores later defaultValue changes, and React resets the form after each submit. */}
          <select
            key={state.values.role}
            name="role"
            defaultValue={state.values.role}
            aria-invalid={state.fieldErrors.role ? true : undefined}
            aria-describedby={state.fieldErrors.role ? "role-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {state.fieldErrors.role ? (
            <span id="role-error" role="alert" className="mt-1 block text-sm text-red-600">
              {state.fieldErrors.role}
            </span>
          ) : null}
        </label>
        <FormField label="Valid for (days, 1 to 30)" name="validDays" type="number" min={1} max={30} step={1} defaultValue={state.values.validDays} error={state.fieldErrors.validDays} />
        <FormSubmit error={state.formError} isPending={isPending} label="Create invitation" pendingLabel="Creating…" />
      </form>
      {state.created ? <CreatedInvitation key={state.created.link} created={state.created} /> : null}
    </div>
  );
}

const expiryFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

// Keyed by link, so a newer invitation starts with fresh copy state.
function CreatedInvitation({ created }: { created: NonNullable<TInvitationFormState["created"]> }) {
  const linkInput = useRef<HTMLInputElement>(null);
  const [isCopied, setIsCopied] = useState(false);
  const [isCopyUnavailable, setIsCopyUnavailable] = useState(false);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(created.link);
      setIsCopied(true);
    } catch {
      // No clipboard API outside secure contexts (plain http on a LAN address): select the
      // text so one keystroke copies it.
      linkInput.current?.select();
      setIsCopyUnavailable(true);
    }
  }

  return (
    <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
      <p className="text-sm text-emerald-900">
        Invitation created {created.email ? `for ${created.email}` : "for anyone with the link"}, as {created.role.toLowerCase()}, valid until{" "}
        {expiryFormat.format(new Date(created.expiresAt))}. <strong>Copy the link now: it is shown only this once.</strong>
      </p>
      <div className="mt-3 flex gap-2">
        <input
          ref={linkInput}
          readOnly
          value={created.link}
          aria-label="Invitation link"
          data-testid="invitation-link"
          onFocus={(event) => event.currentTarget.select()}
          className="flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={() => void copyLink()} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          {isCopied ? "Copied" : "Copy link"}
        </button>
      </div>
      {isCopyUnavailable ? <p className="mt-2 text-sm text-slate-600">This browser does not allow copying from here: the link is selected, press Ctrl+C (⌘C).</p> : null}
    </div>
  );
}
