"use client";
// The instructor reveals a drill's answer to everyone, with a debrief (what the signals
// were, how to tell this mechanism from its look-alikes).
import { useActionState } from "react";
import { FormSubmit } from "@/components/form-submit";
import { revealDrillAction, type TRevealState } from "./drill-actions";

export function RevealDrillForm({ drillId }: { drillId: string }) {
  const [state, formAction, isPending] = useActionState<TRevealState, FormData>(revealDrillAction, { fieldErrors: {}, formError: null, debrief: "", isRevealed: false });
  if (state.isRevealed) return <p className="text-sm text-slate-700">Revealed to everyone.</p>;
  return (
    <form action={formAction} className="space-y-2" data-testid="reveal-form">
      <input type="hidden" name="drillId" value={drillId} />
      <label className="block text-sm">
        <span className="text-slate-700">Debrief for everyone (optional)</span>
        <textarea name="debrief" rows={3} defaultValue={state.debrief} maxLength={5000} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        {state.fieldErrors.debrief ? (
          <span role="alert" className="text-sm text-red-600">
            {state.fieldErrors.debrief}
          </span>
        ) : null}
      </label>
      <FormSubmit error={state.formError} isPending={isPending} label="Reveal the answer" pendingLabel="Revealing…" />
    </form>
  );
}
