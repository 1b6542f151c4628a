// Who may watch a lab machine (its live metrics, history, scenario runs, and start one):
// its owner, administrators, and the instructor of an open workshop the owner belongs to.
// Changing the machine itself (rotating its token, revoking it) stays with the owner and
// administrators (assertCanWatchMachine in authorize.ts, without the workshop lookup).
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import type { TUserSummary } from "../users/user-summary";
import { instructsLearner } from "../workshops/workshops";
import { assertCanWatchMachine } from "./authorize";

export async function assertCanWatchMachineOf(db: Db, actor: TUserSummary, ownerId: string): Promise<void> {
  if (actor.role === Role.INSTRUCTOR && actor.id !== ownerId && (await instructsLearner(db, actor.id, ownerId))) return;
  assertCanWatchMachine(actor, ownerId);
}
