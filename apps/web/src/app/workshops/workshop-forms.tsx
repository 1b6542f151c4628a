"use client";
// The two forms of /workshops: join with a code (everyone), create a workshop (instructors
// and administrators). What was typed stays after a refusal, with the reason beside it.
import { useActionState } from "react";
import { FormField } from "@/components/form-field";
import { submitCreateWorkshop, submitJoinWorkshop, type TCreateWorkshopState, type TJoinWorkshopState } from "./actions";
import { FormSubmit } from "@/components/form-submit";

export function JoinWorkshopForm() {
  const [state, formAction, isPending] = useActionState<TJoinWorkshopState, FormData>(submitJoinWorkshop, { formError: null, code: "" });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <div className="w-48">
        <FormField label="Join code" name="code" autoComplete="off" placeholder="ABCD-EFGH" defaultValue={state.code} error={state.formError ?? undefined} />
      </div>
      <button type="submit" disabled={isPending} className="rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
        Join
      </button>
    </form>
  );
}

const EMPTY: TCreateWorkshopState = { fieldErrors: {}, formError: null, values: { title: "", startsAt: "", endsAt: "", topicIds: "" } };

export function CreateWorkshopForm() {
  const [state, formAction, isPending] = useActionState(submitCreateWorkshop, EMPTY);
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <FormField label="Title" name="title" defaultValue={state.values.title} error={state.fieldErrors.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Starts (UTC)" name="startsAt" type="datetime-local" defaultValue={state.values.startsAt} error={state.fieldErrors.startsAt} />
        <FormField label="Ends (UTC)" name="endsAt" type="datetime-local" defaultValue={state.values.endsAt} error={state.fieldErrors.endsAt} />
      </div>
      <FormField label="Topics, in order (ids, e.g. 2.2, 3.4, 5.2)" name="topicIds" defaultValue={state.values.topicIds} error={state.fieldErrors.topicIds} />
      <FormSubmit error={state.formError} isPending={isPending} label="Create workshop" pendingLabel="Creating…" />
    </form>
  );
}
