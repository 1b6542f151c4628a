// At server start: mirror the loaded curriculum's topic and exercise ids into PostgreSQL
// (see syncCurriculum in @perflab/db). A topic file that failed to load makes the sync
// "incomplete", so nothing is retired on account of a typo.
import { syncCurriculum, type Db, type TSyncResult } from "@perflab/db";
import { createHash } from "node:crypto";
import { getCurriculum } from "./get-curriculum";

export async function syncCurriculumToDatabase(db: Db): Promise<TSyncResult> {
  const { curriculum, issues } = getCurriculum();
  const loadedFiles = new Set(curriculum.topics.map((topic) => topic.file));
  const hasUnloadedTopic = issues.some((issue) => issue.file.endsWith(".md") && !issue.file.endsWith("index.md") && !loadedFiles.has(issue.file));
  const topics = curriculum.topics.map((topic) => ({
    id: topic.id,
    section: topic.section,
    title: topic.title,
    contentHash: createHash("sha256").update(topic.body).update(JSON.stringify(topic.exercises)).digest("hex"),
    exercises: topic.exercises.map((exercise) => ({ id: exercise.id, title: exercise.title })),
  }));
  return syncCurriculum(db, topics, { isComplete: !hasUnloadedTopic });
}
