// The authorization rules every data function applies, in one place so the matrix is
// readable and testable. Workshop instructors watch their learners' machines through
// machine-access.ts (it needs the database).
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
 * A lab machine's controls (token, revocation) are for its owner and administrators;
 * watching it also for the owner's workshop instructor (assertCanWatchMachineOf).
 */
export function assertCanWatchMachine(actor: TUserSummary, ownerId: string): void {
  if (actor.id !== ownerId && actor.role !== Role.ADMIN) throw new ForbiddenError("This lab machine is not yours");
}
