// A learner's own assignments: every track of every team they are a (non-lead) member of,
// with the track's topics in order and their own status on each, the due date and whether
// it is overdue. Readable by that learner and administrators, like the rest of a record.
import type { Db } from "../client";
import { assertCanReadLearner } from "../security/authorize";
import type { TUserSummary } from "../users/user-summary";
import { computeAssignmentStatus, statusLookup, type TAssignmentStatus, type TTopicState } from "./team-numbers";

export interface TLearnerAssignment extends TAssignmentStatus {
  trackId: string;
  title: string;
  team: { id: string; name: string };
  dueAt: Date;
  topics: { id: string; title: string; status: TTopicState }[];
}

/** Open assignments first (soonest due first), completed ones after. */
export async function listLearnerAssignments(db: Db, actor: TUserSummary, learnerId: string, now = new Date()): Promise<TLearnerAssignment[]> {
  assertCanReadLearner(actor, learnerId);
  const tracks = await db.track.findMany({
    where: { team: { members: { some: { userId: learnerId, isLead: false } } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, dueAt: true, topicIds: true, team: { select: { id: true, name: true } } },
  });
  const topicIds = [...new Set(tracks.flatMap((track) => track.topicIds))];
  const [progress, topics] = await Promise.all([
    db.topicProgress.findMany({ where: { userId: learnerId, topicId: { in: topicIds } }, select: { topicId: true, status: true } }),
    db.curriculumTopic.findMany({ where: { id: { in: topicIds } }, select: { id: true, title: true } }),
  ]);
  const statusOf = statusLookup(progress);
  const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
  const assignments = tracks.map((track): TLearnerAssignment => ({
    trackId: track.id,
    title: track.title,
    team: track.team,
    dueAt: track.dueAt,
    topics: track.topicIds.map((id) => ({ id, title: titleOf.get(id) ?? id, status: statusOf(id) })),
    ...computeAssignmentStatus(track.topicIds, statusOf, track.dueAt, now),
  }));
  // A stable sort keeps the due-date order within open and within completed tracks.
  return assignments.sort((a, b) => Number(a.state === "COMPLETED") - Number(b.state === "COMPLETED"));
}
