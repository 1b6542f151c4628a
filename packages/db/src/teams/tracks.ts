// Tracks: a team's leads (and administrators) assign curriculum topics in order with a due
// date, edit and remove them. A track belongs to the team, not to a list of people, so a
// member added later is assigned it too and a removed member stops being.
import type { Db } from "../client";
import { toFieldErrors } from "../users/user-input";
import type { TUserSummary } from "../users/user-summary";
import { assertLeadsTeam, type TTeamInputResult } from "./teams";
import { ZTrackInput, type TTrackInput } from "./track-input";

export interface TTrackSummary {
  id: string;
  title: string;
  topicIds: string[];
  dueAt: Date;
  createdBy: { id: string; name: string };
  updatedAt: Date;
}

const TRACK_SELECT = { id: true, title: true, topicIds: true, dueAt: true, updatedAt: true, createdBy: { select: { id: true, name: true } } } as const;

type TValidation = { data: TTrackInput } | { error: "invalid-input"; fieldErrors: Record<string, string> };

/**
 * Field errors for everything wrong at once (title, topics, date), so a form shows them
 * together. A due date in the past is refused, except the one the track already has:
 * editing the title of an overdue track must not force a new date.
 */
async function validateTrack(db: Db, input: unknown, now: Date, currentDueAt: Date | null): Promise<TValidation> {
  const parsed = ZTrackInput.safeParse(input);
  if (parsed.success) {
    const fieldErrors = await checkAgainstNow(db, parsed.data, now, currentDueAt);
    return Object.keys(fieldErrors).length > 0 ? { error: "invalid-input", fieldErrors } : { data: { ...parsed.data, topicIds: [...new Set(parsed.data.topicIds)] } };
  }
  // The shape failed somewhere: still check the fields that did parse against the
  // curriculum and the clock, so an empty title does not hide an unknown topic.
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const topicIds = ZTrackInput.shape.topicIds.safeParse(raw.topicIds);
  const dueAt = ZTrackInput.shape.dueAt.safeParse(raw.dueAt);
  const later = await checkAgainstNow(db, { topicIds: topicIds.success ? topicIds.data : [], dueAt: dueAt.success ? dueAt.data : null }, now, currentDueAt);
  return { error: "invalid-input", fieldErrors: { ...later, ...toFieldErrors(parsed.error) } };
}

async function checkAgainstNow(db: Db, track: { topicIds: string[]; dueAt: Date | null }, now: Date, currentDueAt: Date | null): Promise<Record<string, string>> {
  const fieldErrors: Record<string, string> = {};
  const known = await db.curriculumTopic.findMany({ where: { id: { in: track.topicIds }, retiredAt: null }, select: { id: true } });
  const unknown = track.topicIds.filter((id) => !known.some((topic) => topic.id === id));
  if (unknown.length > 0) fieldErrors.topicIds = `Not topics of the curriculum: ${unknown.join(", ")}`;
  const isUnchanged = track.dueAt !== null && currentDueAt !== null && currentDueAt.getTime() === track.dueAt.getTime();
  if (track.dueAt && track.dueAt.getTime() <= now.getTime() && !isUnchanged) fieldErrors.dueAt = "The due date is in the past";
  return fieldErrors;
}

export async function createTrack(db: Db, actor: TUserSummary, teamId: string, input: unknown, now = new Date()): Promise<TTeamInputResult<{ id: string }>> {
  await assertLeadsTeam(db, actor, teamId);
  const valid = await validateTrack(db, input, now, null);
  if ("error" in valid) return valid;
  const track = await db.track.create({ data: { teamId, createdById: actor.id, ...valid.data }, select: { id: true } });
  return { data: track };
}

/** The team's tracks by due date, soonest first: for its leads and administrators. */
export async function listTracks(db: Db, actor: TUserSummary, teamId: string): Promise<TTrackSummary[]> {
  await assertLeadsTeam(db, actor, teamId);
  return db.track.findMany({ where: { teamId }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], select: TRACK_SELECT });
}

/** The track only if it belongs to the team the actor leads: a track id from another team is as unknown. */
async function trackOfTeam(db: Db, actor: TUserSummary, teamId: string, trackId: string) {
  await assertLeadsTeam(db, actor, teamId);
  return db.track.findFirst({ where: { id: trackId, teamId }, select: { id: true, dueAt: true } });
}

export type TUpdateTrackResult = TTeamInputResult<{ id: string }> | { error: "not-found" };

export async function updateTrack(db: Db, actor: TUserSummary, teamId: string, trackId: string, input: unknown, now = new Date()): Promise<TUpdateTrackResult> {
  const track = await trackOfTeam(db, actor, teamId, trackId);
  if (!track) return { error: "not-found" };
  const valid = await validateTrack(db, input, now, track.dueAt);
  if ("error" in valid) return valid;
  await db.track.update({ where: { id: track.id }, data: valid.data, select: { id: true } });
  return { data: { id: track.id } };
}

/** Removing a track unassigns it from everyone; their topic progress stays. */
export async function deleteTrack(db: Db, actor: TUserSummary, teamId: string, trackId: string): Promise<void> {
  const track = await trackOfTeam(db, actor, teamId, trackId);
  if (track) await db.track.delete({ where: { id: track.id }, select: { id: true } });
}
