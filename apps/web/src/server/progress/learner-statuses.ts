// The signed-in learner's status per topic for listing pages, or null for visitors.
import { getTopicStatuses, type TTopicStatus } from "@perflab/db";
import { getCurrentUser } from "../auth/current-user";
import { getDb } from "../db";

export async function getOwnTopicStatuses(): Promise<Record<string, TTopicStatus> | null> {
  const user = await getCurrentUser();
  return user ? getTopicStatuses(getDb(), user, user.id) : null;
}
