"use client";
// Enrols a lab machine: a name in, the install commands with its token out (once).
import { useActionState } from "react";
import { FormField } from "@/components/form-field";
import { enrollMachine, type TEnrollFormState } from "./actions";
import { ShownOnceCommands } from "./shown-once-commands";
import { FormSubmit } from "@/components/form-submit";

const INITIAL_STATE: TEnrollFormState = { fieldErrors: {}, formError: null, values: { name: "" }, enrolled: null };

export function EnrollForm() {
  const [state, formAction, isPending] = useActionState(enrollMachine, INITIAL_STATE);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
        <FormField label="Machine name" name="name" autoComplete="off" defaultValue={state.values.name} error={state.fieldErrors.name} />
        <FormSubmit error={state.formError} isPending={isPending} label="Enrol machine" pendingLabel="Enrolling…" />
      </form>
      {state.enrolled ? <ShownOnceCommands key={state.enrolled.machineId} name={state.enrolled.name} commands={state.enrolled.commands} /> : null}
    </div>
  );
}
