// The team portal's arithmetic, pure so the dashboard, the learner's own page and the
// tests agree on one definition: one learner's standing on one track (completed topics,
// overdue = past its due date and not complete) and the team's daily activity series.
//
// activity_days are each learner's local days; a team spans time zones, so the activity
// window is anchored on the UTC day (at most one day off at its edges for anyone).
export type TTopicState = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";
export type TAssignmentState = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";

export interface TAssignmentStatus {
  completed: number;
  total: number;
  /** Whole percent of the track's topics completed, rounded down so 99.5 % never reads as done. */
  percent: number;
  state: TAssignmentState;
  isOverdue: boolean;
}

export function computeAssignmentStatus(topicIds: readonly string[], statusOf: (topicId: string) => TTopicState, dueAt: Date, now: Date): TAssignmentStatus {
  const statuses = topicIds.map(statusOf);
  const completed = statuses.filter((status) => status === "COMPLETED").length;
  const total = topicIds.length;
  const state: TAssignmentState = total > 0 && completed === total ? "COMPLETED" : statuses.some((status) => status !== "NOT_STARTED") ? "IN_PROGRESS" : "NOT_STARTED";
  return { completed, total, percent: sharePercent(completed, total), state, isOverdue: state !== "COMPLETED" && now.getTime() > dueAt.getTime() };
}

/** Whole percent, rounded down; 0 of 0 is 0 (nothing assigned is nothing done). */
export function sharePercent(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part * 100) / whole) : 0;
}

/** Whole days a due date has passed by (0 while it has not), for "3 days overdue". */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000));
}

/** A lookup from the (topicId, status) rows of one learner, NOT_STARTED when absent. */
export function statusLookup(rows: readonly { topicId: string; status: TTopicState }[]): (topicId: string) => TTopicState {
  const byTopic = new Map(rows.map((row) => [row.topicId, row.status]));
  return (topicId) => byTopic.get(topicId) ?? "NOT_STARTED";
}

export const TEAM_ACTIVITY_DAYS = 30;
const MS_PER_DAY = 86_400_000;

export function lastDays(now: Date, count = TEAM_ACTIVITY_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => new Date(today - (count - 1 - index) * MS_PER_DAY).toISOString().slice(0, 10));
}

export interface TTeamActivityPoint {
  day: string;
  /** Members with any reading time that day. */
  activeMembers: number;
  /** Their reading time together, in whole minutes. */
  minutes: number;
}

/** One point per day of the window, zero where nobody read; rows outside the window are ignored. */
export function fillActivity(days: readonly string[], rows: readonly { day: string; activeSeconds: number; activeMembers: number }[]): TTeamActivityPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, activeMembers: row?.activeMembers ?? 0, minutes: Math.round((row?.activeSeconds ?? 0) / 60) };
  });
}
