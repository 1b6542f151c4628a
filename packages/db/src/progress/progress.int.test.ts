// Progress against a real PostgreSQL: heartbeat bounds, the completion rule, and
// concurrent writes from two tabs (separate pooled connections) losing nothing.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAllProgressCsv, PROGRESS_CSV_COLUMNS } from "../export/progress-export";
import type { TUserSummary } from "../users/user-summary";
import { getLearnerRecord, getTopicProgress, getTopicStatuses } from "./read-progress";
import { MAX_CREDIT_PER_HEARTBEAT_S, recordHeartbeat } from "./record-heartbeat";
import { recordExerciseAttempt } from "./record-exercise-attempt";
import { recordQuizAttempt } from "./record-quiz-attempt";

const UTC = { timezoneOffsetMinutes: 0 };
const graded = (correctCount: number) => ({ quizHash: "h".repeat(64), answers: { q1: 0, q2: 1, q3: 2, q4: 0, q5: 1 }, correctCount, questionCount: 5 });

describe("progress", () => {
  let testDb: TTestDatabase;
  let learnerCount = 0;
  const newLearner = async (): Promise<TUserSummary> =>
    testDb.db.user.create({ data: { email: `learner${learnerCount++}@example.com`, name: "L" }, select: { id: true, email: true, name: true, role: true } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.db.curriculumTopic.create({ data: { id: "2.3", section: 2, title: "Interrupts", contentHash: "x", exercises: { create: [{ exerciseId: "read-softirqs", title: "Read" }, { exerciseId: "pin-irq", title: "Pin" }, { exerciseId: "old", title: "Old", retiredAt: new Date() }] } } });
    await testDb.db.curriculumTopic.create({ data: { id: "9.9", section: 9, title: "Retired", contentHash: "x", retiredAt: new Date() } });
  });
  afterAll(async () => testDb.drop());

  describe("heartbeats", () => {
    it("the first heartbeat is the visit; later ones credit active time", async () => {
      const learner = await newLearner();
      const start = new Date("2026-11-20T10:00:00Z");
      expect(await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 0, ...UTC }, start)).toEqual({ data: { creditedSeconds: 0, timeSpentSeconds: 0 } });
      expect(await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 15, ...UTC }, new Date(start.getTime() + 15_000))).toEqual({ data: { creditedSeconds: 15, timeSpentSeconds: 15 } });
      const progress = await getTopicProgress(testDb.db, learner, learner.id, "2.3");
      expect(progress).toMatchObject({ status: "IN_PROGRESS", timeSpentSeconds: 15, firstVisitedAt: start });
    });

    it("a tab that slept or lies is credited at most the cap, and never more than the time elapsed", async () => {
      const learner = await newLearner();
      const start = new Date("2026-11-20T10:00:00Z");
      await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 0, ...UTC }, start);
      const afterSleep = await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 600, ...UTC }, new Date(start.getTime() + 3_600_000));
      expect(afterSleep).toMatchObject({ data: { creditedSeconds: MAX_CREDIT_PER_HEARTBEAT_S } });
      const tooSoon = await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 15, ...UTC }, new Date(start.getTime() + 3_602_000));
      expect(tooSoon).toMatchObject({ data: { creditedSeconds: 2 } });
    });

    it("activity lands on the learner's local day", async () => {
      const learner = await newLearner();
      // 23:30 UTC is already the next day in UTC+2 (getTimezoneOffset() = -120).
      await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 10, timezoneOffsetMinutes: -120 }, new Date("2026-11-20T23:30:00Z"));
      const record = await getLearnerRecord(testDb.db, learner, learner.id);
      expect(record?.activityDays).toEqual([{ day: "2026-11-21", activeSeconds: 10 }]);
    });

    it("refuses unknown and retired topics without writing anything", async () => {
      const learner = await newLearner();
      expect(await recordHeartbeat(testDb.db, learner, "42.1", { activeSeconds: 1, ...UTC })).toEqual({ error: "unknown-topic" });
      expect(await recordHeartbeat(testDb.db, learner, "9.9", { activeSeconds: 1, ...UTC })).toEqual({ error: "unknown-topic" });
      expect(await testDb.db.topicProgress.count({ where: { userId: learner.id } })).toBe(0);
      expect(await testDb.db.activityDay.count({ where: { userId: learner.id } })).toBe(0);
    });
  });

  describe("completion", () => {
    it("needs a passed quiz and every current exercise done or skipped; failed attempts and retries are kept", async () => {
      const learner = await newLearner();
      expect(await recordQuizAttempt(testDb.db, learner, "2.3", graded(3))).toMatchObject({ data: { scorePercent: 60, passed: false, topicStatus: "IN_PROGRESS", attemptNumber: 1 } });
      expect(await recordQuizAttempt(testDb.db, learner, "2.3", graded(4))).toMatchObject({ data: { scorePercent: 80, passed: true, topicStatus: "IN_PROGRESS", attemptNumber: 2 } });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "FAILED", note: "NET_RX did not move" })).toMatchObject({ data: { exerciseStatus: "FAILED", attempts: 1, topicStatus: "IN_PROGRESS" } });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "DONE", note: "NET_RX +4000/s on CPU1" })).toMatchObject({ data: { exerciseStatus: "DONE", attempts: 2, topicStatus: "IN_PROGRESS" } });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "pin-irq", { outcome: "SKIPPED" })).toMatchObject({ data: { exerciseStatus: "SKIPPED", topicStatus: "COMPLETED" } });
      const progress = await getTopicProgress(testDb.db, learner, learner.id, "2.3");
      expect(progress.status).toBe("COMPLETED");
      expect(progress.quizAttempts.map((attempt) => attempt.scorePercent)).toEqual([60, 80]);
      expect(progress.exercises).toEqual({
        "read-softirqs": { status: "DONE", attempts: 2, lastNote: "NET_RX +4000/s on CPU1" },
        "pin-irq": { status: "SKIPPED", attempts: 1, lastNote: "" },
      });
      // Sticky: a failed retry afterwards does not take completion back.
      expect(await recordQuizAttempt(testDb.db, learner, "2.3", graded(0))).toMatchObject({ data: { passed: false, topicStatus: "COMPLETED", attemptNumber: 3 } });
      expect(await getTopicStatuses(testDb.db, learner, learner.id)).toEqual({ "2.3": "COMPLETED" });
    });

    it("uses the pass threshold the admin set", async () => {
      const learner = await newLearner();
      await testDb.db.instanceSetting.upsert({ where: { key: "quiz_pass_percent" }, create: { key: "quiz_pass_percent", value: "100" }, update: { value: "100" } });
      expect(await recordQuizAttempt(testDb.db, learner, "2.3", graded(4))).toMatchObject({ data: { passed: false, passThresholdPercent: 100 } });
      await testDb.db.instanceSetting.update({ where: { key: "quiz_pass_percent" }, data: { value: "80" } });
    });

    it("rejects bad exercise reports with field messages and records nothing", async () => {
      const learner = await newLearner();
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "DONE", note: "" })).toMatchObject({ error: "invalid-input", fieldErrors: { note: expect.any(String) } });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "PERFECT", note: "yes" })).toMatchObject({ error: "invalid-input", fieldErrors: { outcome: expect.any(String) } });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "DONE", note: "x".repeat(2001) })).toMatchObject({ error: "invalid-input" });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "no-such", { outcome: "SKIPPED" })).toEqual({ error: "unknown-exercise" });
      expect(await recordExerciseAttempt(testDb.db, learner, "2.3", "old", { outcome: "SKIPPED" })).toEqual({ error: "unknown-exercise" });
      expect(await recordExerciseAttempt(testDb.db, learner, "9.9", "read-softirqs", { outcome: "SKIPPED" })).toEqual({ error: "unknown-exercise" });
      expect(await testDb.db.exerciseAttempt.count({ where: { userId: learner.id } })).toBe(0);
      expect(await testDb.db.topicProgress.count({ where: { userId: learner.id } })).toBe(0);
    });
  });

  describe("two tabs at once", () => {
    it("concurrent heartbeats on one topic add up and are never credited twice for the same seconds", async () => {
      const learner = await newLearner();
      const start = Date.now() - 60_000;
      await recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 0, ...UTC }, new Date(start));
      // Two tabs, 20 heartbeats each, all in flight together, one second of wall time apart.
      const beats = Array.from({ length: 40 }, (_, i) => recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 15, ...UTC }, new Date(start + 1000 * (Math.floor(i / 2) + 1))));
      const results = await Promise.all(beats);
      const credited = results.reduce((sum, result) => sum + ("data" in result ? result.data.creditedSeconds : 0), 0);
      const progress = await getTopicProgress(testDb.db, learner, learner.id, "2.3");
      expect(progress.timeSpentSeconds).toBe(credited);
      // 20 s of wall time: whatever order the writes landed in, no more than that is credited.
      expect(credited).toBeLessThanOrEqual(20);
      expect(credited).toBeGreaterThan(0);
      const [day] = (await getLearnerRecord(testDb.db, learner, learner.id))!.activityDays;
      expect(day!.activeSeconds).toBe(credited);
    });

    it("a quiz pass in one tab and the last exercise in the other complete the topic, whichever lands last", async () => {
      for (let round = 0; round < 5; round++) {
        const learner = await newLearner();
        await recordExerciseAttempt(testDb.db, learner, "2.3", "pin-irq", { outcome: "DONE", note: "irq moved to CPU1" });
        await Promise.all([
          recordQuizAttempt(testDb.db, learner, "2.3", graded(5)),
          recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "DONE", note: "NET_RX rising" }),
          recordHeartbeat(testDb.db, learner, "2.3", { activeSeconds: 5, ...UTC }),
        ]);
        expect((await getTopicProgress(testDb.db, learner, learner.id, "2.3")).status).toBe("COMPLETED");
        expect(await testDb.db.quizAttempt.count({ where: { userId: learner.id } })).toBe(1);
        expect(await testDb.db.exerciseAttempt.count({ where: { userId: learner.id } })).toBe(2);
      }
    });

    it("many quiz attempts from two tabs are all recorded with distinct attempt numbers", async () => {
      const learner = await newLearner();
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => recordQuizAttempt(testDb.db, learner, "2.3", graded(i % 6))));
      const numbers = results.map((result) => ("data" in result ? result.data.attemptNumber : 0)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });
  });
});

describe("exports", () => {
  it("the admin CSV has one row per learner and touched topic, with quiz and exercise totals", async () => {
    const testDb = await createTestDatabase();
    try {
      await testDb.db.curriculumTopic.create({ data: { id: "2.3", section: 2, title: "Interrupts", contentHash: "x", exercises: { create: [{ exerciseId: "read-softirqs", title: "Read" }] } } });
      const select = { id: true, email: true, name: true, role: true } as const;
      const admin = await testDb.db.user.create({ data: { email: "admin@example.com", name: "Admin", role: "ADMIN" }, select });
      const learner = await testDb.db.user.create({ data: { email: "=cmd@example.com", name: 'Ada "the" Learner', role: "LEARNER" }, select });
      await recordQuizAttempt(testDb.db, learner, "2.3", graded(2));
      await recordQuizAttempt(testDb.db, learner, "2.3", graded(5));
      await recordExerciseAttempt(testDb.db, learner, "2.3", "read-softirqs", { outcome: "DONE", note: "NET_RX rising" });
      const csv = await exportAllProgressCsv(testDb.db, admin);
      const [header, row, ...rest] = csv.trimEnd().split("\r\n");
      expect(header).toBe(PROGRESS_CSV_COLUMNS.join(","));
      expect(rest).toEqual([]);
      expect(row).toBe(`'=cmd@example.com,"Ada ""the"" Learner",LEARNER,no,2.3,COMPLETED,0,${row!.split(",").slice(7, 10).join(",")},2,100,yes,1,0,0`);
    } finally {
      await testDb.drop();
    }
  });
});
