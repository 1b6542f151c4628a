// The learner dashboard as plain data: completion per section, activity over the last
// days, quiz scores, what to read next and the streak, from the curriculum's outline and
// the learner's record. Pure: no database, no React, no clock (`today` is an argument).
//
// Only type imports, on purpose: the browser recomputes the parts that depend on the
// learner's own calendar day (see app/progress/page.tsx), so this module ships to the
// client too and must not pull in @perflab/content's file-reading loader.
//
// Days are "YYYY-MM-DD" strings of the learner's local calendar (how activity_days stores
// them). They are turned into whole day numbers through Date.UTC, which has no daylight
// saving and no local zone, so "the day before" is always exactly one less.
import type { TTocSection, TTopicDocument } from "@perflab/content";
import type { TLearnerRecord, TTopicStatus } from "@perflab/db";

export const ACTIVITY_WINDOW_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/** The curriculum as the dashboard needs it, sections and topics in curriculum order. */
export interface TOutlineSection {
  section: number;
  title: string;
  topics: { id: string; title: string; prerequisites: string[] }[];
}

/** The part of a learner record the dashboard reads (a TLearnerRecord fits). */
export interface TDashboardRecord {
  topics: Pick<TLearnerRecord["topics"][number], "topicId" | "status" | "timeSpentSeconds">[];
  quizAttempts: Pick<TLearnerRecord["quizAttempts"][number], "topicId" | "scorePercent" | "passed" | "passThresholdPercent" | "createdAt">[];
  activityDays: TActivityDay[];
}

export interface TActivityDay {
  day: string;
  activeSeconds: number;
}

export interface TSectionCompletion {
  section: number;
  title: string;
  completed: number;
  inProgress: number;
  total: number;
  percent: number;
}

export interface TActivityPoint {
  day: string;
  minutes: number;
}

export interface TQuizSummary {
  topicId: string;
  title: string;
  bestScorePercent: number;
  latestScorePercent: number;
  attempts: number;
  passed: boolean;
  /** The threshold the latest attempt was graded against. */
  passThresholdPercent: number;
}

/** "ready": every prerequisite is done. "blocked": no topic is ready; do the prerequisite first. */
export type TNextStep =
  | { kind: "ready"; topicId: string; title: string; section: number }
  | { kind: "blocked"; topicId: string; title: string; section: number; prerequisiteId: string; prerequisiteTitle: string | null };

export interface TStreak {
  /** Consecutive active days ending today, or yesterday while today has no activity yet. */
  current: number;
  longest: number;
  isActiveToday: boolean;
}

export interface TDashboard {
  sections: TSectionCompletion[];
  totals: { completed: number; inProgress: number; total: number; percent: number; timeSpentSeconds: number };
  /** ACTIVITY_WINDOW_DAYS points, oldest first, the last one today; days without activity are 0. */
  activity: TActivityPoint[];
  /** One per attempted topic, in curriculum order; topics no longer in the curriculum last. */
  quizzes: TQuizSummary[];
  /** The threshold of the most recent attempt overall (the instance's current setting), for the chart's line. */
  quizPassThresholdPercent: number | null;
  /** null when every topic is completed. */
  next: TNextStep | null;
  streak: TStreak;
  hasAnyProgress: boolean;
}

/** The outline from the loaded curriculum: the table of contents is already in compareIds order. */
export function outlineCurriculum(toc: TTocSection[], findTopic: (id: string) => Pick<TTopicDocument, "prerequisites"> | undefined): TOutlineSection[] {
  return toc.map((section) => ({
    section: section.section,
    title: section.title,
    topics: section.topics.map((topic) => ({ id: topic.id, title: topic.title, prerequisites: findTopic(topic.id)?.prerequisites ?? [] })),
  }));
}

export function buildDashboard(outline: TOutlineSection[], record: TDashboardRecord, today: string): TDashboard {
  const statusOf = indexStatuses(record);
  const sections = outline.map((section) => summarizeSection(section, statusOf));
  const completed = sum(sections.map((section) => section.completed));
  const total = sum(sections.map((section) => section.total));
  const latestAttempt = record.quizAttempts.reduce<TDashboardRecord["quizAttempts"][number] | null>((latest, attempt) => (!latest || attempt.createdAt >= latest.createdAt ? attempt : latest), null);
  return {
    sections,
    totals: {
      completed,
      inProgress: sum(sections.map((section) => section.inProgress)),
      total,
      percent: percentOf(completed, total),
      timeSpentSeconds: sum(record.topics.map((topic) => topic.timeSpentSeconds)),
    },
    activity: buildActivitySeries(record.activityDays, today),
    quizzes: summarizeQuizzes(outline, record.quizAttempts),
    quizPassThresholdPercent: latestAttempt?.passThresholdPercent ?? null,
    next: findNextStep(outline, statusOf),
    streak: computeStreak(record.activityDays, today),
    hasAnyProgress: record.topics.length > 0 || record.quizAttempts.length > 0 || record.activityDays.length > 0,
  };
}

function indexStatuses(record: TDashboardRecord): (topicId: string) => TTopicStatus {
  const statuses = new Map(record.topics.map((topic) => [topic.topicId, topic.status]));
  return (topicId) => statuses.get(topicId) ?? "NOT_STARTED";
}

function summarizeSection(section: TOutlineSection, statusOf: (topicId: string) => TTopicStatus): TSectionCompletion {
  const statuses = section.topics.map((topic) => statusOf(topic.id));
  const completed = statuses.filter((status) => status === "COMPLETED").length;
  const inProgress = statuses.filter((status) => status === "IN_PROGRESS").length;
  return { section: section.section, title: section.title, completed, inProgress, total: statuses.length, percent: percentOf(completed, statuses.length) };
}

/** The first topic in curriculum order that is not completed and whose prerequisites all are. */
export function findNextStep(outline: TOutlineSection[], statusOf: (topicId: string) => TTopicStatus): TNextStep | null {
  const topics = outline.flatMap((section) => section.topics.map((topic) => ({ ...topic, section: section.section })));
  const isDone = (topicId: string) => statusOf(topicId) === "COMPLETED";
  const pending = topics.filter((topic) => !isDone(topic.id));
  const ready = pending.find((topic) => topic.prerequisites.every(isDone));
  if (ready) return { kind: "ready", topicId: ready.id, title: ready.title, section: ready.section };
  const [first] = pending;
  if (!first) return null;
  // Only reachable when prerequisites are missing from the curriculum (a document that
  // failed to load) or form a cycle: name the first one in the learner's way.
  const prerequisiteId = first.prerequisites.find((id) => !isDone(id))!;
  const prerequisite = topics.find((topic) => topic.id === prerequisiteId);
  return { kind: "blocked", topicId: first.id, title: first.title, section: first.section, prerequisiteId, prerequisiteTitle: prerequisite?.title ?? null };
}

function summarizeQuizzes(outline: TOutlineSection[], attempts: TDashboardRecord["quizAttempts"]): TQuizSummary[] {
  const curriculumOrder = outline.flatMap((section) => section.topics);
  const byTopic = new Map<string, TDashboardRecord["quizAttempts"]>();
  for (const attempt of [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    byTopic.set(attempt.topicId, [...(byTopic.get(attempt.topicId) ?? []), attempt]);
  }
  const position = (topicId: string) => {
    const index = curriculumOrder.findIndex((topic) => topic.id === topicId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...byTopic.entries()]
    .sort(([a], [b]) => position(a) - position(b)) // stable: retired topics keep first-attempt order
    .map(([topicId, topicAttempts]) => {
      const latest = topicAttempts[topicAttempts.length - 1]!;
      return {
        topicId,
        title: curriculumOrder.find((topic) => topic.id === topicId)?.title ?? topicId,
        bestScorePercent: Math.max(...topicAttempts.map((attempt) => attempt.scorePercent)),
        latestScorePercent: latest.scorePercent,
        attempts: topicAttempts.length,
        passed: topicAttempts.some((attempt) => attempt.passed),
        passThresholdPercent: latest.passThresholdPercent,
      };
    });
}

/** Minutes active per day for the `length` days ending `today`, oldest first, zero-filled. */
export function buildActivitySeries(activityDays: TActivityDay[], today: string, length = ACTIVITY_WINDOW_DAYS): TActivityPoint[] {
  const secondsByDay = new Map<number, number>();
  for (const { day, activeSeconds } of activityDays) {
    const dayNumber = toDayNumber(day);
    secondsByDay.set(dayNumber, (secondsByDay.get(dayNumber) ?? 0) + activeSeconds);
  }
  const last = toDayNumber(today);
  return Array.from({ length }, (_, index) => {
    const dayNumber = last - (length - 1) + index;
    // One decimal: a short first visit (say 20 s) still shows as a visible sliver.
    return { day: fromDayNumber(dayNumber), minutes: Math.round((secondsByDay.get(dayNumber) ?? 0) / 6) / 10 };
  });
}

/** A day counts as active when it earned reading time; a visit that credited 0 s does not. */
export function computeStreak(activityDays: TActivityDay[], today: string): TStreak {
  const activeDays = new Set(activityDays.filter((day) => day.activeSeconds > 0).map((day) => toDayNumber(day.day)));
  const todayNumber = toDayNumber(today);
  const isActiveToday = activeDays.has(todayNumber);
  // Today is not over: a streak that reached yesterday is still alive until midnight.
  let day = isActiveToday ? todayNumber : todayNumber - 1;
  let current = 0;
  while (activeDays.has(day)) {
    current += 1;
    day -= 1;
  }
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const dayNumber of [...activeDays].sort((a, b) => a - b)) {
    run = dayNumber === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = dayNumber;
  }
  return { current, longest, isActiveToday };
}

/** The calendar day of an instant in UTC, as "YYYY-MM-DD". */
export function formatUtcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function toDayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Math.round(Date.UTC(year!, month! - 1, date!) / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): string {
  return formatUtcDay(new Date(dayNumber * MS_PER_DAY));
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
