// What a lead types to assign a track: a title, curriculum topic ids in order, and a due
// date. Pure (no database, no clock): tracks.ts checks the topic ids against
// curriculum_topics and the due date against "now", which only it knows.
import { z } from "zod";

const MS_PER_DAY = 86_400_000;

/**
 * A due date is a calendar day ("2026-12-01" from a date input) and means the end of that
 * day in UTC, so a track due today is not overdue until the day is over everywhere the
 * page says UTC. A Date (from code and tests) is taken as the exact instant.
 */
export function parseDueDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const startOfDay = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-31 over to March; a day that does not exist is refused instead.
  if (new Date(startOfDay).getUTCDate() !== day || new Date(startOfDay).getUTCMonth() !== month - 1) return null;
  return new Date(startOfDay + MS_PER_DAY - 1);
}

/** "2026-12-01" for the day a due instant falls on (UTC): what the date input shows when editing. */
export function formatDueDay(dueAt: Date): string {
  return dueAt.toISOString().slice(0, 10);
}

/** Topic ids as typed: "2.2, 3.4 5.2" or an array; blanks dropped, order kept. */
export function splitTopicIds(value: unknown): unknown {
  return typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value;
}

export const ZTrackInput = z.object({
  title: z.string({ error: "Give the track a title" }).trim().min(1, "Give the track a title").max(120, "At most 120 characters"),
  topicIds: z.preprocess(
    splitTopicIds,
    z.array(z.string().regex(/^\d{1,2}\.\d{1,2}$/, "Topic ids look like 2.2"), { error: "Choose at least one topic" }).min(1, "Choose at least one topic").max(40, "At most 40 topics"),
  ),
  dueAt: z.unknown().transform((value, context) => {
    const dueAt = parseDueDate(value);
    if (!dueAt) {
      context.addIssue({ code: "custom", message: "Give a due date (YYYY-MM-DD)" });
      return z.NEVER;
    }
    return dueAt;
  }),
});

export type TTrackInput = z.output<typeof ZTrackInput>;
