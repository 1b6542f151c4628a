// The authorization rules every data function applies, in one place so the matrix is
// readable and testable. Workshop instructors get their read access with workshops.
import { Role } from "../generated/prisma/enums";
import type { TUserSummary } from "../users/user-summary";
import { ForbiddenError } from "./forbidden-error";

export function assertAdmin(actor: TUserSummary, what: string): void {
  if (actor.role !== Role.ADMIN) throw new ForbiddenError(`Only administrators can ${what}`);
}

/** A learner's record is readable by that learner and by administrators. */
export function assertCanReadLearner(actor: TUserSummary, learnerId: string): void {
  if (actor.id !== learnerId && actor.role !== Role.ADMIN) throw new ForbiddenError("You can only see your own progress");
}

/**
 * A lab machine (its live metrics, history and controls) is for its owner and
 * administrators. Instructors of a workshop the owner belongs to join with workshops.
 */
export function assertCanWatchMachine(actor: TUserSummary, ownerId: string): void {
  if (actor.id !== ownerId && actor.role !== Role.ADMIN) throw new ForbiddenError("This lab machine is not yours");
}
