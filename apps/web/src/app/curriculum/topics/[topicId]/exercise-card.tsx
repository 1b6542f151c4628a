// An exercise block: its steps, what to expect, the signal the platform can check, and
// (signed in) the learner's report on it.
import type { TExercise } from "@perflab/content";
import type { TExerciseStatus } from "@perflab/db";
import { findMetric } from "@perflab/protocol";
import Link from "next/link";
import { ExerciseReport } from "./exercise-report";

interface ExerciseCardProps {
  topicId: string;
  exercise: TExercise;
  /** Absent for visitors who are not signed in. */
  progress?: { status: TExerciseStatus; attempts: number } | undefined;
}

export function ExerciseCard({ topicId, exercise, progress }: ExerciseCardProps) {
  const metric = exercise.check ? findMetric(exercise.check.metric) : undefined;
  return (
    <section className="not-prose my-6 rounded-lg border border-emerald-200 bg-emerald-50 p-5" data-testid="exercise" data-exercise-id={exercise.id}>
      <p className="font-mono text-xs text-emerald-700">
        Exercise
        {exercise.scenario ? (
          <>
            {" · scenario "}
            <Link href={`/labs?scenario=${exercise.scenario}`} className="underline">
              {exercise.scenario}
            </Link>
            {exercise.variant ? ` (${exercise.variant} preset)` : null}
          </>
        ) : null}
      </p>
      <h3 className="mt-1 font-semibold text-slate-900">{exercise.title}</h3>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-700">
        {exercise.steps.map((step, index) => <li key={index}>{step}</li>)}
      </ol>
      <p className="mt-3 text-sm text-slate-700"><span className="font-medium">Expect:</span> {exercise.expect}</p>
      {exercise.check ? (
        <p className="mt-2 text-xs text-slate-500">
          Checked on your lab machine: <code>{exercise.check.metric}</code> {exercise.check.condition}
          {exercise.check.threshold !== undefined ? ` ${exercise.check.threshold}` : ""}{metric ? ` (${metric.meaning})` : ""}
        </p>
      ) : null}
      {exercise.scenario && progress ? (
        <Link
          href={`/labs?scenario=${exercise.scenario}${exercise.variant ? `&variant=${exercise.variant}` : ""}&exercise=${encodeURIComponent(`${topicId}/${exercise.id}`)}`}
          className="mt-3 inline-block rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800"
          data-testid="run-on-lab-machine"
        >
          Run on my lab machine
        </Link>
      ) : null}
      {progress ? <ExerciseReport topicId={topicId} exerciseId={exercise.id} status={progress.status} attempts={progress.attempts} /> : null}
    </section>
  );
}
