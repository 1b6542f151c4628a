// GET /api/me/progress – the signed-in learner's own record as a JSON download; 401 for visitors.
// Topic titles are added so the file reads on its own, without the curriculum beside it.
// The data layer never returns password hashes, so none can end up in here.
import { compareIds } from "@perflab/content";
import { getLearnerRecord } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { formatUtcDay } from "@/server/progress/build-dashboard";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401, headers: NO_STORE });
  const record = await getLearnerRecord(getDb(), user, user.id);
  // The account was read a moment ago; it can only be gone if it was deleted in between.
  if (!record) return Response.json({ error: "Sign in first" }, { status: 401, headers: NO_STORE });

  const { findTopic } = getCurriculum();
  const titleOf = (topicId: string) => findTopic(topicId)?.title ?? null;
  const exportedAt = new Date();
  const exported = {
    exportedAt: exportedAt.toISOString(),
    learner: record.learner,
    topics: [...record.topics].sort((a, b) => compareIds(a.topicId, b.topicId)).map(({ topicId, ...topic }) => ({ topicId, title: titleOf(topicId), ...topic })),
    quizAttempts: record.quizAttempts.map(({ topicId, ...attempt }) => ({ topicId, topicTitle: titleOf(topicId), ...attempt })),
    exerciseAttempts: record.exerciseAttempts.map(({ topicId, ...attempt }) => ({ topicId, topicTitle: titleOf(topicId), ...attempt })),
    activityDays: record.activityDays,
  };
  // The file is named by the UTC day: the server does not know the learner's time zone,
  // and exportedAt inside states the exact instant.
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      ...NO_STORE,
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="perflab-record-${formatUtcDay(exportedAt)}.json"`,
    },
  });
}
