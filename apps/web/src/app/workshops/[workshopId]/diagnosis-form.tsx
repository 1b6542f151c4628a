"use client";
// A learner's diagnosis of a drill: the subsystem, the mechanism (only those of the chosen
// subsystem are offered), and the evidence they relied on. One answer per drill; what was
// typed stays after a refusal.
import { DRILL_MECHANISMS, DRILL_SUBSYSTEMS } from "@perflab/protocol";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { FormSubmit } from "@/components/form-submit";
import { submitDiagnosisAction, type TDiagnosisState } from "./drill-actions";

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function DiagnosisForm({ workshopId, drillId }: { workshopId: string; drillId: string }) {
  const [state, formAction, isPending] = useActionState<TDiagnosisState, FormData>(submitDiagnosisAction, {
    fieldErrors: {}, formError: null, values: { subsystem: "", mechanism: "", evidence: "" }, isSubmitted: false,
  });
  const [subsystem, setSubsystem] = useState(state.values.subsystem);
  const [mechanism, setMechanism] = useState(state.values.mechanism);
  // Submitted by hand, not through <form action>: React resets a form after its action,
  // which would throw away the controlled choices that must survive a refusal.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  if (state.isSubmitted) return <p className="text-sm text-slate-700" role="status">Diagnosis sent. Your grade appears when the instructor reveals the answer.</p>;
  const mechanisms = DRILL_MECHANISMS.filter((mechanism) => mechanism.subsystem === subsystem);
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="diagnosis-form" noValidate>
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="drillId" value={drillId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Subsystem</span>
          <select
            name="subsystem"
            value={subsystem}
            onChange={(event) => {
              setSubsystem(event.target.value);
              setMechanism("");
            }} className={selectClass} data-testid="diagnosis-subsystem">
            <option value="">choose…</option>
            {DRILL_SUBSYSTEMS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {state.fieldErrors.subsystem ? <span role="alert" className="text-sm text-red-600">{state.fieldErrors.subsystem}</span> : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Mechanism</span>
          <select name="mechanism" value={mechanism} onChange={(event) => setMechanism(event.target.value)} className={selectClass} data-testid="diagnosis-mechanism">
            <option value="">{subsystem ? "choose…" : "choose a subsystem first"}</option>
            {mechanisms.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {state.fieldErrors.mechanism ? <span role="alert" className="text-sm text-red-600">{state.fieldErrors.mechanism}</span> : null}
        </label>
      </div>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Evidence: what you saw, on which chart or in which file</span>
        <textarea name="evidence" rows={3} maxLength={2000} defaultValue={state.values.evidence} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" data-testid="diagnosis-evidence" />
        {state.fieldErrors.evidence ? <span role="alert" className="text-sm text-red-600">{state.fieldErrors.evidence}</span> : null}
      </label>
      <FormSubmit error={state.formError} isPending={isPending} label="Send diagnosis" pendingLabel="Sending…" />
    </form>
  );
}
