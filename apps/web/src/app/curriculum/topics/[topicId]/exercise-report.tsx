"use client";
// The learner's report on an exercise: done or "didn't work" with what they observed, or
// skipped. The note is the evidence kept with the attempt; completion needs every
// exercise done or skipped.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TExerciseStatus } from "@perflab/db";

const STATUS_TEXT: Record<TExerciseStatus, string> = {
  NOT_ATTEMPTED: "Not reported yet",
  DONE: "Done",
  FAILED: "Did not work yet",
  SKIPPED: "Skipped",
};

interface ExerciseReportProps {
  topicId: string;
  exerciseId: string;
  status: TExerciseStatus;
  attempts: number;
}

export function ExerciseReport({ topicId, exerciseId, status: initialStatus, attempts: initialAttempts }: ExerciseReportProps) {
  const router = useRouter();
  const [status, setStatus] = useState(initialStatus);
  const [attempts, setAttempts] = useState(initialAttempts);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = event.currentTarget;
    const note = String(new FormData(form).get("note") ?? "");
    setIsPending(true);
    setNoteError(null);
    setFormError(null);
    try {
      const response = await fetch(`/api/topics/${encodeURIComponent(topicId)}/exercises/${encodeURIComponent(exerciseId)}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: submitter?.value ?? "DONE", note }),
      });
      const payload = (await response.json()) as { data?: { exerciseStatus: TExerciseStatus; attempts: number }; error?: string; fieldErrors?: Record<string, string> };
      if (payload.data) {
        setStatus(payload.data.exerciseStatus);
        setAttempts(payload.data.attempts);
        form.reset();
        router.refresh();
      } else if (payload.fieldErrors?.note) setNoteError(payload.fieldErrors.note);
      else setFormError(payload.error ?? `The server refused the report (${response.status}).`);
    } catch {
      setFormError("Could not reach the server. Your note is still here; try again.");
    } finally {
      setIsPending(false);
    }
  }

  const noteId = `note-${exerciseId}`;
  return (
    <form onSubmit={onSubmit} className="mt-4 border-t border-emerald-200 pt-4" data-testid="exercise-report" data-status={status}>
      <p className="text-xs text-slate-600">
        <span className="font-medium">{STATUS_TEXT[status]}</span>
        {attempts > 0 ? ` · ${attempts} report${attempts === 1 ? "" : "s"}` : ""}
      </p>
      <label htmlFor={noteId} className="mt-2 block text-sm font-medium text-slate-700">
        What did you observe?
      </label>
      <textarea
        id={noteId}
        name="note"
        rows={2}
        maxLength={2000}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteError ? `${noteId}-error` : undefined}
        placeholder="The numbers or lines of output that showed it"
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
      />
      {noteError ? (
        <span id={`${noteId}-error`} role="alert" className="mt-1 block text-sm text-red-600">
          {noteError}
        </span>
      ) : null}
      {formError ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {formError}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2 text-sm">
        <button type="submit" name="outcome" value="DONE" disabled={isPending} className="rounded-md bg-emerald-600 px-3 py-1 font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
          Done
        </button>
        <button type="submit" name="outcome" value="FAILED" disabled={isPending} className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-white disabled:opacity-60">
          Didn&apos;t work
        </button>
        <button type="submit" name="outcome" value="SKIPPED" disabled={isPending} className="rounded-md px-3 py-1 text-slate-500 hover:text-slate-800 disabled:opacity-60">
          Skip
        </button>
      </div>
    </form>
  );
}
