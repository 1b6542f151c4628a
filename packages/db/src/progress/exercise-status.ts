// An exercise's standing from its attempts: done once any attempt is done (a later failed
// retry does not undo what was proved); otherwise whatever the latest attempt says.
import type { ExerciseOutcome } from "../generated/prisma/enums";

export type TExerciseStatus = "NOT_ATTEMPTED" | ExerciseOutcome;

export function exerciseStatus(outcomesOldestFirst: readonly ExerciseOutcome[]): TExerciseStatus {
  if (outcomesOldestFirst.length === 0) return "NOT_ATTEMPTED";
  if (outcomesOldestFirst.includes("DONE")) return "DONE";
  return outcomesOldestFirst[outcomesOldestFirst.length - 1]!;
}

/** Done or explicitly skipped: what topic completion requires of each exercise. */
export function isExerciseSettled(status: TExerciseStatus): boolean {
  return status === "DONE" || status === "SKIPPED";
}
