"use client";
// The instance settings: who may create an account, and the score at which a quiz passes.
import type { TInstanceSettings, TSignUpMode } from "@perflab/db";
import { useActionState } from "react";
import { FormField } from "@/components/form-field";
import { submitSettingsForm, type TSettingsFormState } from "./actions";

const SIGN_UP_MODE_CHOICES: { value: TSignUpMode; label: string; explanation: string }[] = [
  { value: "open", label: "Open", explanation: "Anyone who can reach perflab can create a learner account; an invitation still grants its role." },
  { value: "invite-only", label: "Invite-only", explanation: "Only people with a valid invitation link can create an account." },
  { value: "closed", label: "Closed", explanation: "Nobody can create an account, not even with an invitation. Existing accounts keep working." },
];

export function SettingsForm({ current }: { current: TInstanceSettings }) {
  const initialState: TSettingsFormState = {
    fieldErrors: {},
    formError: null,
    isSaved: false,
    values: { signUpMode: current.signUpMode, quizPassPercent: String(current.quizPassPercent) },
  };
  const [state, formAction, isPending] = useActionState(submitSettingsForm, initialState);
  const modeError = state.fieldErrors.signUpMode;
  return (
    <form action={formAction} className="max-w-xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <fieldset aria-describedby={modeError ? "signUpMode-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Sign-up mode</legend>
        <div className="mt-2 space-y-3">
          {SIGN_UP_MODE_CHOICES.map((choice) => (
            <div key={choice.value} className="flex gap-3">
              <input
                type="radio"
                id={`signUpMode-${choice.value}`}
                name="signUpMode"
                value={choice.value}
                defaultChecked={state.values.signUpMode === choice.value}
                aria-describedby={`signUpMode-${choice.value}-explanation`}
                className="mt-1 accent-emerald-600"
              />
              <div>
                <label htmlFor={`signUpMode-${choice.value}`} className="text-sm font-medium text-slate-900">
                  {choice.label}
                </label>
                <p id={`signUpMode-${choice.value}-explanation`} className="text-sm text-slate-600">
                  {choice.explanation}
                </p>
              </div>
            </div>
          ))}
        </div>
        {modeError ? (
          <p id="signUpMode-error" role="alert" className="mt-2 text-sm text-red-600">
            {modeError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <FormField
          label="Quiz pass threshold (%)"
          name="quizPassPercent"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          defaultValue={state.values.quizPassPercent}
          error={state.fieldErrors.quizPassPercent}
        />
        <p className="mt-1 text-sm text-slate-500">A quiz attempt passes at this score or above. Earlier attempts keep the result they were given.</p>
      </div>
      {state.formError ? (
        <p role="alert" className="text-sm text-red-600">
          {state.formError}
        </p>
      ) : null}
      <div className="flex items-center gap-4">
        <button type="submit" disabled={isPending} className="rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
          {isPending ? "Saving…" : "Save settings"}
        </button>
        {state.isSaved && !isPending ? (
          <p role="status" className="text-sm text-emerald-700">
            Settings saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
