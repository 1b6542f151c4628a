import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCurriculum, type TSyncTopicInput } from "./sync-curriculum";

const topic = (id: string, exercises: string[]): TSyncTopicInput => ({ id, section: Number(id.split(".")[0]), title: `Topic ${id}`, contentHash: `hash-${id}`, exercises: exercises.map((e) => ({ id: e, title: e })) });

describe("syncCurriculum", () => {
  let testDb: TTestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.drop());

  it("upserts, retires what disappeared, and brings back what reappears", async () => {
    expect(await syncCurriculum(testDb.db, [topic("1.1", ["a", "b"]), topic("1.2", ["c"])], { isComplete: true })).toEqual({ topicsUpserted: 2, topicsRetired: 0, exercisesUpserted: 3, exercisesRetired: 0 });
    expect(await syncCurriculum(testDb.db, [topic("1.1", ["a"])], { isComplete: true })).toMatchObject({ topicsRetired: 1, exercisesRetired: 2 });
    const rows = await testDb.db.curriculumTopic.findMany({ orderBy: { id: "asc" }, select: { id: true, retiredAt: true } });
    expect(rows.map((row) => [row.id, row.retiredAt !== null])).toEqual([["1.1", false], ["1.2", true]]);
    expect(await testDb.db.curriculumExercise.count()).toBe(3); // retired, never deleted
    await syncCurriculum(testDb.db, [topic("1.1", ["a", "b"]), topic("1.2", ["c"])], { isComplete: true });
    expect(await testDb.db.curriculumTopic.count({ where: { retiredAt: { not: null } } })).toBe(0);
    expect(await testDb.db.curriculumExercise.count({ where: { retiredAt: { not: null } } })).toBe(0);
  });

  it("retires nothing when some documents failed to load", async () => {
    expect(await syncCurriculum(testDb.db, [topic("1.1", ["a"])], { isComplete: false })).toMatchObject({ topicsRetired: 0, exercisesRetired: 0 });
    expect(await testDb.db.curriculumTopic.count({ where: { retiredAt: null } })).toBe(2);
  });
});
