// A team's dashboard as plain numbers, for its leads and administrators: each member's
// completion per track, completion per curriculum section the tracks touch, who is overdue
// on what, and the team's reading activity over the last 30 days. Leads are not counted:
// tracks are assigned to the members they lead. Deactivated accounts are left out, so a
// person who left does not hold the team's numbers down.
import type { Db } from "../client";
import type { TUserSummary } from "../users/user-summary";
import { computeAssignmentStatus, daysOverdue, fillActivity, lastDays, sharePercent, statusLookup, type TAssignmentStatus, type TTeamActivityPoint } from "./team-numbers";
import { assertLeadsTeam } from "./teams";

export interface TMemberCompletion {
  userId: string;
  name: string;
  /** Per track, in the order of `tracks`. */
  tracks: (TAssignmentStatus & { trackId: string })[];
  /** Over the distinct topics of all the team's tracks. */
  completed: number;
  total: number;
  percent: number;
}

export interface TSectionTotals {
  section: number;
  topicIds: string[];
  /** Completed (member, topic) pairs of the section's assigned topics. */
  completed: number;
  /** Members × assigned topics of the section. */
  total: number;
  percent: number;
}

export interface TOverdueAssignment {
  userId: string;
  name: string;
  trackId: string;
  trackTitle: string;
  dueAt: Date;
  daysOverdue: number;
  completed: number;
  total: number;
}

export interface TTeamDashboard {
  team: { id: string; name: string };
  tracks: { id: string; title: string; dueAt: Date; topicIds: string[] }[];
  members: TMemberCompletion[];
  sections: TSectionTotals[];
  overdue: TOverdueAssignment[];
  activity: TTeamActivityPoint[];
}

export async function getTeamDashboard(db: Db, actor: TUserSummary, teamId: string, now = new Date()): Promise<TTeamDashboard> {
  const team = await assertLeadsTeam(db, actor, teamId);
  const [members, tracks] = await Promise.all([
    db.teamMember.findMany({ where: { teamId, isLead: false, user: { deactivatedAt: null } }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
    db.track.findMany({ where: { teamId }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, dueAt: true, topicIds: true } }),
  ]);
  const userIds = members.map((member) => member.user.id);
  const topicIds = [...new Set(tracks.flatMap((track) => track.topicIds))];
  const days = lastDays(now);
  const [progress, topics, activityRows] = await Promise.all([
    db.topicProgress.findMany({ where: { userId: { in: userIds }, topicId: { in: topicIds } }, select: { userId: true, topicId: true, status: true } }),
    db.curriculumTopic.findMany({ where: { id: { in: topicIds } }, orderBy: { id: "asc" }, select: { id: true, section: true } }),
    // One activity_days row per (learner, day): counting rows per day counts active members.
    db.activityDay.groupBy({ by: ["day"], where: { userId: { in: userIds }, day: { gte: new Date(`${days[0]}T00:00:00Z`) }, activeSeconds: { gt: 0 } }, _sum: { activeSeconds: true }, _count: { userId: true } }),
  ]);

  const memberRows = members.map(({ user }): TMemberCompletion => {
    const statusOf = statusLookup(progress.filter((row) => row.userId === user.id));
    const perTrack = tracks.map((track) => ({ trackId: track.id, ...computeAssignmentStatus(track.topicIds, statusOf, track.dueAt, now) }));
    const completed = topicIds.filter((topicId) => statusOf(topicId) === "COMPLETED").length;
    return { userId: user.id, name: user.name, tracks: perTrack, completed, total: topicIds.length, percent: sharePercent(completed, topicIds.length) };
  });

  const sectionOf = new Map(topics.map((topic) => [topic.id, topic.section]));
  const sections = [...new Set(topics.map((topic) => topic.section))].sort((a, b) => a - b).map((section): TSectionTotals => {
    const sectionTopics = topicIds.filter((topicId) => sectionOf.get(topicId) === section);
    const completed = progress.filter((row) => row.status === "COMPLETED" && sectionTopics.includes(row.topicId)).length;
    const total = sectionTopics.length * userIds.length;
    return { section, topicIds: sectionTopics, completed, total, percent: sharePercent(completed, total) };
  });

  const overdue = memberRows.flatMap((member) =>
    member.tracks.flatMap((status, index): TOverdueAssignment[] => {
      const track = tracks[index];
      if (!status.isOverdue || !track) return [];
      return [{ userId: member.userId, name: member.name, trackId: track.id, trackTitle: track.title, dueAt: track.dueAt, daysOverdue: daysOverdue(track.dueAt, now), completed: status.completed, total: status.total }];
    }),
  );
  overdue.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.name.localeCompare(b.name));

  const activity = fillActivity(
    days,
    activityRows.map((row) => ({ day: row.day.toISOString().slice(0, 10), activeSeconds: row._sum.activeSeconds ?? 0, activeMembers: row._count.userId })),
  );
  return { team, tracks, members: memberRows, sections, overdue, activity };
}
