// How many accounts hold each role. Admins only: authorization lives here, not in the page.
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "./user-summary";

export async function countUsersByRole(db: Db, actor: TUserSummary): Promise<Record<Role, number>> {
  if (actor.role !== Role.ADMIN) throw new ForbiddenError("Only administrators can see user counts");
  const rows = await db.user.groupBy({ by: ["role"], _count: { _all: true } });
  const counts = { [Role.LEARNER]: 0, [Role.INSTRUCTOR]: 0, [Role.ADMIN]: 0 };
  for (const row of rows) counts[row.role] = row._count._all;
  return counts;
}
