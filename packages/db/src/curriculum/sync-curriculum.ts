// Mirrors the curriculum's topic and exercise ids into PostgreSQL so progress rows can
// reference them. Present documents are upserted (and un-retired); ids that are gone are
// marked retired, never deleted. When some documents failed to load, nothing is retired:
// a broken file must not hide its learners' progress.
import type { Db } from "../client";

export interface TSyncTopicInput {
  id: string;
  section: number;
  title: string;
  contentHash: string;
  exercises: { id: string; title: string }[];
}

export interface TSyncResult {
  topicsUpserted: number;
  topicsRetired: number;
  exercisesUpserted: number;
  exercisesRetired: number;
}

export async function syncCurriculum(db: Db, topics: TSyncTopicInput[], options: { isComplete: boolean }, now = new Date()): Promise<TSyncResult> {
  return db.$transaction(async (tx) => {
    let exercisesUpserted = 0;
    for (const topic of topics) {
      await tx.curriculumTopic.upsert({
        where: { id: topic.id },
        create: { id: topic.id, section: topic.section, title: topic.title, contentHash: topic.contentHash },
        update: { section: topic.section, title: topic.title, contentHash: topic.contentHash, retiredAt: null },
      });
      for (const exercise of topic.exercises) {
        await tx.curriculumExercise.upsert({
          where: { topicId_exerciseId: { topicId: topic.id, exerciseId: exercise.id } },
          create: { topicId: topic.id, exerciseId: exercise.id, title: exercise.title },
          update: { title: exercise.title, retiredAt: null },
        });
        exercisesUpserted++;
      }
    }
    if (!options.isComplete) return { topicsUpserted: topics.length, topicsRetired: 0, exercisesUpserted, exercisesRetired: 0 };
    const topicIds = topics.map((topic) => topic.id);
    const topicsRetired = await tx.curriculumTopic.updateMany({ where: { id: { notIn: topicIds }, retiredAt: null }, data: { retiredAt: now } });
    let exercisesRetired = (await tx.curriculumExercise.updateMany({ where: { topicId: { notIn: topicIds }, retiredAt: null }, data: { retiredAt: now } })).count;
    for (const topic of topics) {
      const result = await tx.curriculumExercise.updateMany({
        where: { topicId: topic.id, exerciseId: { notIn: topic.exercises.map((exercise) => exercise.id) }, retiredAt: null },
        data: { retiredAt: now },
      });
      exercisesRetired += result.count;
    }
    return { topicsUpserted: topics.length, topicsRetired: topicsRetired.count, exercisesUpserted, exercisesRetired };
  }, { timeout: 30_000 });
}
