// The team portal in the data layer: who may create teams, add members and leads, assign
// tracks and read a dashboard (learner, instructor who leads, instructor who does not,
// lead of another team, administrator); track validation; and the numbers a dashboard and
// a learner's own assignments show, on progress recorded by the real progress functions.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCurriculum } from "../curriculum/sync-curriculum";
import { recordHeartbeat } from "../progress/record-heartbeat";
import { recordQuizAttempt } from "../progress/record-quiz-attempt";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { listLearnerAssignments } from "./learner-assignments";
import { getTeamDashboard } from "./team-dashboard";
import { addTeamMember, canSeeTeams, createTeam, listTeamMembers, listTeams, removeTeamMember, setTeamLead } from "./teams";
import { createTrack, deleteTrack, listTracks, updateTrack } from "./tracks";

const DAY_MS = 86_400_000;
const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY_MS);
const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const idOf = (result: { data: { id: string } } | { error: string }) => {
  if (!("data" in result)) throw new Error(`expected data, got ${JSON.stringify(result)}`);
  return result.data.id;
};

describe("teams", () => {
  let testDb: TTestDatabase;
  const people = {} as Record<"admin" | "leadA" | "leadB" | "idleInstructor" | "ada" | "bob" | "cy" | "late" | "gone", TUserSummary>;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const topics = [["1.1", 1], ["1.2", 1], ["2.3", 2], ["3.1", 3], ["4.4", 4]] as const;
    await syncCurriculum(testDb.db, topics.map(([id, section]) => ({ id, section, title: `Topic ${id}`, contentHash: "x", exercises: [] })), { isComplete: true });
    const select = { id: true, email: true, name: true, role: true } as const;
    const make = (name: string, role: "LEARNER" | "INSTRUCTOR" | "ADMIN" = "LEARNER", deactivatedAt: Date | null = null) =>
      testDb.db.user.create({ data: { email: `${name.toLowerCase()}@example.com`, name, role, deactivatedAt }, select });
    Object.assign(people, {
      admin: await make("Admin", "ADMIN"), leadA: await make("LeadA", "INSTRUCTOR"), leadB: await make("LeadB", "INSTRUCTOR"), idleInstructor: await make("Idle", "INSTRUCTOR"),
      ada: await make("Ada"), bob: await make("Bob"), cy: await make("Cy"), late: await make("Late"), gone: await make("Gone", "LEARNER", NOW),
    });
  });
  afterAll(() => testDb.drop());

  it("only administrators create teams; names are required and unique", async () => {
    await expect(createTeam(testDb.db, people.ada, { name: "SRE" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTeam(testDb.db, people.leadA, { name: "SRE" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await createTeam(testDb.db, people.admin, { name: "   " })).toEqual({ error: "invalid-input", fieldErrors: { name: "Give the team a name" } });
    teamA = idOf(await createTeam(testDb.db, people.admin, { name: "SRE" }));
    teamB = idOf(await createTeam(testDb.db, people.admin, { name: "Kernel" }));
    expect(await createTeam(testDb.db, people.admin, { name: " SRE " })).toEqual({ error: "invalid-input", fieldErrors: { name: "A team with this name already exists" } });
    expect(await testDb.db.team.count()).toBe(2);
  });

  it("administrators add active accounts by email and choose instructors as leads; every mistake is explained by field", async () => {
    const add = (teamId: string, email: string, isLead?: boolean | string) => addTeamMember(testDb.db, people.admin, teamId, { email, isLead });
    expect(await add(teamA, "nobody@example.com")).toEqual({ error: "invalid-input", fieldErrors: { email: "No active account has this email" } });
    expect(await add(teamA, "gone@example.com")).toEqual({ error: "invalid-input", fieldErrors: { email: "No active account has this email" } });
    expect(await add(teamA, "not an email")).toEqual({ error: "invalid-input", fieldErrors: { email: "Enter a valid email address" } });
    expect(await add(teamA, "ada@example.com", "on")).toEqual({ error: "invalid-input", fieldErrors: { isLead: "Only instructors and administrators can lead a team" } });
    await expect(addTeamMember(testDb.db, people.leadA, teamA, { email: "ada@example.com" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addTeamMember(testDb.db, people.ada, teamA, { email: "ada@example.com" })).rejects.toBeInstanceOf(ForbiddenError);

    expect(await add(teamA, "LeadA@Example.com", "on")).toMatchObject({ data: { userId: people.leadA.id } });
    for (const name of ["ada", "bob"]) expect(await add(teamA, `${name}@example.com`)).toMatchObject({ data: {} });
    expect(await add(teamA, "ada@example.com")).toEqual({ error: "invalid-input", fieldErrors: { email: "Already on this team" } });
    await add(teamB, "leadb@example.com", true);
    await add(teamB, "cy@example.com");
    // A member turned lead must be an instructor; an instructor added as a member can be promoted.
    await add(teamB, "idle@example.com");
    expect(await setTeamLead(testDb.db, people.admin, teamB, people.cy.id, true)).toMatchObject({ error: "not-an-instructor" });
    expect(await setTeamLead(testDb.db, people.admin, teamB, people.ada.id, true)).toMatchObject({ error: "not-a-member" });
    await expect(setTeamLead(testDb.db, people.leadB, teamB, people.idleInstructor.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setTeamLead(testDb.db, people.admin, teamB, people.idleInstructor.id, true)).toEqual({ data: { isLead: true } });
    expect(await setTeamLead(testDb.db, people.admin, teamB, people.idleInstructor.id, false)).toEqual({ data: { isLead: false } });
    await expect(removeTeamMember(testDb.db, people.leadB, teamB, people.idleInstructor.id)).rejects.toBeInstanceOf(ForbiddenError);
    await removeTeamMember(testDb.db, people.admin, teamB, people.idleInstructor.id);

    const { members } = await listTeamMembers(testDb.db, people.leadA, teamA);
    expect(members.map((member) => [member.name, member.isLead])).toEqual([["LeadA", true], ["Ada", false], ["Bob", false]]);
  });

  it("a team's dashboard and people are its leads' and administrators' only; the Teams page follows", async () => {
    const denied = [[people.ada, teamA], [people.cy, teamB], [people.leadA, teamB], [people.leadB, teamA], [people.idleInstructor, teamB], [people.leadA, "no-such-team"]] as const;
    for (const [actor, teamId] of denied) {
      await expect(getTeamDashboard(testDb.db, actor, teamId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTeamMembers(testDb.db, actor, teamId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTracks(testDb.db, actor, teamId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getTeamDashboard(testDb.db, people.leadA, teamA)).team.name).toBe("SRE");
    expect((await getTeamDashboard(testDb.db, people.admin, teamA)).team.name).toBe("SRE");
    expect((await getTeamDashboard(testDb.db, people.admin, teamB)).team.name).toBe("Kernel");

    expect((await listTeams(testDb.db, people.admin)).map((team) => team.name)).toEqual(["Kernel", "SRE"]);
    expect(await listTeams(testDb.db, people.leadA)).toEqual([expect.objectContaining({ name: "SRE", memberCount: 3, leadNames: ["LeadA"] })]);
    expect(await listTeams(testDb.db, people.ada)).toEqual([]);
    expect(await Promise.all([people.admin, people.leadA, people.idleInstructor, people.ada].map((actor) => canSeeTeams(testDb.db, actor)))).toEqual([true, true, false, false]);
  });

  it("a lead demoted to learner stops leading at once", async () => {
    await testDb.db.user.update({ where: { id: people.leadB.id }, data: { role: "LEARNER" } });
    const demoted = { ...people.leadB, role: "LEARNER" as const };
    await expect(getTeamDashboard(testDb.db, demoted, teamB)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await canSeeTeams(testDb.db, demoted)).toBe(false);
    await testDb.db.user.update({ where: { id: people.leadB.id }, data: { role: "INSTRUCTOR" } });
  });

  it("leads assign tracks to their own team only; bad tracks are explained by field and nothing is stored", async () => {
    const good = { title: "Foundations", topicIds: "1.1, 1.2 2.3", dueAt: utcDay(inDays(14)) };
    await expect(createTrack(testDb.db, people.ada, teamA, good)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTrack(testDb.db, people.leadB, teamA, good)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await createTrack(testDb.db, people.leadA, teamA, { title: "", topicIds: "1.1 9.9 8.8", dueAt: utcDay(inDays(-1)) })).toEqual({
      error: "invalid-input",
      fieldErrors: { title: "Give the track a title", topicIds: "Not topics of the curriculum: 9.9, 8.8", dueAt: "The due date is in the past" },
    });
    expect(await createTrack(testDb.db, people.leadA, teamA, { ...good, dueAt: "" })).toEqual({ error: "invalid-input", fieldErrors: { dueAt: "Give a due date (YYYY-MM-DD)" } });
    expect(await testDb.db.track.count()).toBe(0);
    // Today is not in the past: a track due today is due at the end of the UTC day.
    const dueToday = idOf(await createTrack(testDb.db, people.leadA, teamA, { title: "Today", topicIds: ["4.4"], dueAt: utcDay(NOW) }));
    await deleteTrack(testDb.db, people.leadB, teamB, dueToday); // another team's track through one's own team: nothing happens
    await expect(deleteTrack(testDb.db, people.leadB, teamA, dueToday)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb.db.track.count()).toBe(1);
    await deleteTrack(testDb.db, people.leadA, teamA, dueToday);

    const foundations = idOf(await createTrack(testDb.db, people.leadA, teamA, { ...good, topicIds: "1.1 1.2 2.3 1.1" }));
    expect(await listTracks(testDb.db, people.leadA, teamA)).toEqual([expect.objectContaining({ id: foundations, topicIds: ["1.1", "1.2", "2.3"], dueAt: new Date(`${good.dueAt}T23:59:59.999Z`) })]);
    expect(await updateTrack(testDb.db, people.leadB, teamB, foundations, good)).toEqual({ error: "not-found" });
    expect(await updateTrack(testDb.db, people.leadA, teamA, foundations, { ...good, topicIds: "2.3 7.7" })).toMatchObject({ fieldErrors: { topicIds: "Not topics of the curriculum: 7.7" } });
  });

  it("editing an overdue track keeps its date without a new one; a changed date must not be past", async () => {
    const sprint = idOf(await createTrack(testDb.db, people.leadA, teamA, { title: "Sprint", topicIds: ["3.1"], dueAt: inDays(2) }));
    const later = inDays(3);
    expect(await updateTrack(testDb.db, people.leadA, teamA, sprint, { title: "Scheduler sprint", topicIds: "3.1", dueAt: inDays(2) }, later)).toEqual({ data: { id: sprint } });
    expect(await updateTrack(testDb.db, people.leadA, teamA, sprint, { title: "Scheduler sprint", topicIds: "3.1", dueAt: inDays(1) }, later)).toMatchObject({ fieldErrors: { dueAt: "The due date is in the past" } });
    expect((await testDb.db.track.findUniqueOrThrow({ where: { id: sprint } })).title).toBe("Scheduler sprint");
  });

  it("dashboard: completion per member and per section, overdue assignments and activity, from recorded progress", async () => {
    // Ada passed 1.1 and 2.3 (no exercises: completed) and read 1.2; Bob nothing. All of it
    // 40 days ago, outside the activity window, which gets rows of its own below.
    const past = inDays(-40);
    for (const topicId of ["1.1", "2.3"]) await recordQuizAttempt(testDb.db, people.ada, topicId, { quizHash: "h", answers: { q1: 0 }, correctCount: 1, questionCount: 1 }, past);
    await recordHeartbeat(testDb.db, people.ada, "1.2", { activeSeconds: 30, timezoneOffsetMinutes: 0 }, past);
    await recordQuizAttempt(testDb.db, people.cy, "1.1", { quizHash: "h", answers: { q1: 0 }, correctCount: 1, questionCount: 1 }, past); // team B: never counted in A
    // Late joins after the tracks were assigned, and is assigned them too.
    await addTeamMember(testDb.db, people.admin, teamA, { email: "late@example.com" });
    const activity = [[people.ada, NOW, 150], [people.bob, NOW, 60], [people.ada, inDays(-1), 300], [people.cy, NOW, 900], [people.ada, inDays(-35), 600]] as const;
    for (const [user, day, activeSeconds] of activity) await testDb.db.activityDay.create({ data: { userId: user.id, day: new Date(`${utcDay(day)}T00:00:00Z`), activeSeconds } });

    const dashboard = await getTeamDashboard(testDb.db, people.leadA, teamA, inDays(3)); // three days on: "Sprint" (due in 2) is overdue
    expect(dashboard.tracks.map((track) => track.title)).toEqual(["Scheduler sprint", "Foundations"]);
    expect(dashboard.members.map((member) => [member.name, member.tracks.map((track) => `${track.completed}/${track.total} ${track.percent}% ${track.state}${track.isOverdue ? " overdue" : ""}`), member.percent])).toEqual([
      ["Ada", ["0/1 0% NOT_STARTED overdue", "2/3 66% IN_PROGRESS"], 50],
      ["Bob", ["0/1 0% NOT_STARTED overdue", "0/3 0% NOT_STARTED"], 0],
      ["Late", ["0/1 0% NOT_STARTED overdue", "0/3 0% NOT_STARTED"], 0],
    ]);
    expect(dashboard.sections).toEqual([
      { section: 1, topicIds: ["1.1", "1.2"], completed: 1, total: 6, percent: 16 },
      { section: 2, topicIds: ["2.3"], completed: 1, total: 3, percent: 33 },
      { section: 3, topicIds: ["3.1"], completed: 0, total: 3, percent: 0 },
    ]);
    expect(dashboard.overdue.map((row) => [row.name, row.trackTitle, row.daysOverdue, `${row.completed}/${row.total}`])).toEqual([
      ["Ada", "Scheduler sprint", 1, "0/1"],
      ["Bob", "Scheduler sprint", 1, "0/1"],
      ["Late", "Scheduler sprint", 1, "0/1"],
    ]);
    expect((await getTeamDashboard(testDb.db, people.leadA, teamA, inDays(5))).overdue[0]?.daysOverdue).toBe(3);

    const today = await getTeamDashboard(testDb.db, people.admin, teamA, NOW);
    expect(today.overdue).toEqual([]);
    expect(today.activity).toHaveLength(30);
    expect(today.activity.at(-1)).toEqual({ day: utcDay(NOW), activeMembers: 2, minutes: 4 }); // Ada 150 s + Bob 60 s; Cy is on another team
    expect(today.activity.at(-2)).toEqual({ day: utcDay(inDays(-1)), activeMembers: 1, minutes: 5 });
    expect(today.activity.slice(0, -2).every((point) => point.activeMembers === 0 && point.minutes === 0)).toBe(true);

    // A removed member leaves the numbers; their progress stays theirs.
    await removeTeamMember(testDb.db, people.admin, teamA, people.late.id);
    expect((await getTeamDashboard(testDb.db, people.leadA, teamA)).members.map((member) => member.name)).toEqual(["Ada", "Bob"]);
    expect(await testDb.db.topicProgress.count({ where: { userId: people.ada.id } })).toBe(3);
  });

  it("each learner reads their own assignments: topics in order with their status, due date and overdue flag", async () => {
    const assignments = await listLearnerAssignments(testDb.db, people.ada, people.ada.id, inDays(3));
    expect(assignments.map((assignment) => [assignment.title, assignment.team.name, assignment.isOverdue, assignment.topics.map((topic) => `${topic.id}:${topic.status}`)])).toEqual([
      ["Scheduler sprint", "SRE", true, ["3.1:NOT_STARTED"]],
      ["Foundations", "SRE", false, ["1.1:COMPLETED", "1.2:IN_PROGRESS", "2.3:COMPLETED"]],
    ]);
    expect(assignments[1]).toMatchObject({ completed: 2, total: 3, percent: 66, state: "IN_PROGRESS", topics: [{ title: "Topic 1.1" }, {}, {}] });
    await expect(listLearnerAssignments(testDb.db, people.ada, people.bob.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listLearnerAssignments(testDb.db, people.leadA, people.ada.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listLearnerAssignments(testDb.db, people.admin, people.ada.id)).toHaveLength(2);
    expect(await listLearnerAssignments(testDb.db, people.leadA, people.leadA.id)).toEqual([]); // leads are not assigned their team's tracks
    expect(await listLearnerAssignments(testDb.db, people.cy, people.cy.id)).toEqual([]); // team B has no tracks
  });
});
