// The authorization matrix of workshops and teams: every function that reads or changes a
// workshop's or a team's data, called by each kind of person. The workshop's instructor
// (and administrators) run it; a team's lead (and administrators) run its tracks and read
// its dashboard; administrators alone manage teams. Everyone else, another instructor and
// the workshop's own learners included, gets ForbiddenError and changes nothing.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import type { Db } from "../client";
import { syncCurriculum } from "../curriculum/sync-curriculum";
import { addTeamMember, createTeam, listTeamMembers, removeTeamMember, setTeamLead } from "../teams/teams";
import { getTeamDashboard } from "../teams/team-dashboard";
import { createTrack, listTracks } from "../teams/tracks";
import type { TUserSummary } from "../users/user-summary";
import { revealDrill } from "../workshops/drills";
import { getWorkshopMatrix } from "../workshops/workshop-matrix";
import { buildWorkshopReport } from "../workshops/workshop-report";
import { listWorkshopRuns, scheduleWorkshopRun } from "../workshops/workshop-runs";
import { attachMachine, createWorkshop, getWorkshopRoster, joinWorkshop, rotateJoinCode } from "../workshops/workshops";
import { ForbiddenError } from "./forbidden-error";

type TPeople = "admin" | "instructor" | "otherInstructor" | "member" | "outsider";
type TCall = (db: Db, actor: TUserSummary) => Promise<unknown>;

describe("workshop and team authorization", () => {
  let testDb: TTestDatabase;
  const people = {} as Record<TPeople, TUserSummary>;
  let workshopId = "";
  let drillId = "";
  let teamId = "";

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db;
    await syncCurriculum(db, [{ id: "2.2", section: 2, title: "Scheduling", contentHash: "x", exercises: [] }], { isComplete: true });
    const select = { id: true, email: true, name: true, role: true } as const;
    const roles: Record<TPeople, "ADMIN" | "INSTRUCTOR" | "LEARNER"> = { admin: "ADMIN", instructor: "INSTRUCTOR", otherInstructor: "INSTRUCTOR", member: "LEARNER", outsider: "LEARNER" };
    for (const [name, role] of Object.entries(roles) as [TPeople, (typeof roles)[TPeople]][]) people[name] = await db.user.create({ data: { email: `${name.toLowerCase()}@example.com`, name, role }, select });
    const workshop = await createWorkshop(db, people.instructor, { title: "W", startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), topicIds: ["2.2"] });
    if (!("data" in workshop)) throw new Error("no workshop");
    workshopId = workshop.data.id;
    await joinWorkshop(db, people.member, workshop.data.joinCode);
    const machine = await createAgent(db, people.member, { name: "lab" });
    if (!("data" in machine)) throw new Error("no machine");
    await attachMachine(db, people.member, workshopId, machine.data.agentId);
    drillId = (await scheduleWorkshopRun(db, people.instructor, drillInput())).id;
    const team = await createTeam(db, people.admin, { name: "SRE" });
    if (!("data" in team)) throw new Error("no team");
    teamId = team.data.id;
    await addTeamMember(db, people.admin, teamId, { email: people.instructor.email, isLead: true });
    await addTeamMember(db, people.admin, teamId, { email: people.member.email });
  });
  afterAll(() => testDb.drop());

  const drillInput = () => ({ workshopId, scenarioId: "cpu-starvation", variant: null, parameters: {}, durationSeconds: 5, learnerIds: null, countdownSeconds: 60, isDrill: true });
  const track = () => ({ title: "Basics", topicIds: ["2.2"], dueAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) });

  const RUNS_THE_WORKSHOP: Record<string, TCall> = {
    getWorkshopRoster: (db, actor) => getWorkshopRoster(db, actor, workshopId),
    getWorkshopMatrix: (db, actor) => getWorkshopMatrix(db, actor, workshopId),
    buildWorkshopReport: (db, actor) => buildWorkshopReport(db, actor, workshopId),
    listWorkshopRuns: (db, actor) => listWorkshopRuns(db, actor, workshopId),
    scheduleWorkshopRun: (db, actor) => scheduleWorkshopRun(db, actor, drillInput()),
    rotateJoinCode: (db, actor) => rotateJoinCode(db, actor, workshopId),
    revealDrill: (db, actor) => revealDrill(db, actor, drillId, { debrief: "" }),
  };
  const LEADS_THE_TEAM: Record<string, TCall> = {
    getTeamDashboard: (db, actor) => getTeamDashboard(db, actor, teamId),
    listTeamMembers: (db, actor) => listTeamMembers(db, actor, teamId),
    listTracks: (db, actor) => listTracks(db, actor, teamId),
    createTrack: (db, actor) => createTrack(db, actor, teamId, track()),
  };
  const ADMIN_ONLY: Record<string, TCall> = {
    createTeam: (db, actor) => createTeam(db, actor, { name: `Team of ${actor.id}` }),
    addTeamMember: (db, actor) => addTeamMember(db, actor, teamId, { email: people.outsider.email }),
    setTeamLead: (db, actor) => setTeamLead(db, actor, teamId, people.instructor.id, true),
    removeTeamMember: (db, actor) => removeTeamMember(db, actor, teamId, "nobody"),
  };
  const ALLOWED: Record<string, TPeople[]> = {
    ...Object.fromEntries(Object.keys(RUNS_THE_WORKSHOP).map((name) => [name, ["admin", "instructor"]])),
    ...Object.fromEntries(Object.keys(LEADS_THE_TEAM).map((name) => [name, ["admin", "instructor"]])),
    ...Object.fromEntries(Object.keys(ADMIN_ONLY).map((name) => [name, ["admin"]])),
  };
  const snapshot = async () =>
    JSON.stringify([
      await testDb.db.workshop.findMany({ orderBy: { id: "asc" } }), await testDb.db.workshopRun.findMany({ orderBy: { id: "asc" } }), await testDb.db.team.findMany({ orderBy: { id: "asc" } }),
      await testDb.db.teamMember.findMany({ orderBy: [{ teamId: "asc" }, { userId: "asc" }] }), await testDb.db.track.count(),
    ]);

  // The denied first: every refusal is checked against an unchanged database.
  describe.each(["member", "outsider", "otherInstructor", "instructor", "admin"] as TPeople[])("as %s", (person) => {
    for (const [name, call] of Object.entries({ ...RUNS_THE_WORKSHOP, ...LEADS_THE_TEAM, ...ADMIN_ONLY })) {
      if (ALLOWED[name]!.includes(person)) {
        it(`${name}: allowed`, async () => {
          await expect(call(testDb.db, people[person])).resolves.not.toThrow();
        });
      } else {
        it(`${name}: denied, nothing changed`, async () => {
          const before = await snapshot();
          await expect(call(testDb.db, people[person])).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshot()).toBe(before);
        });
      }
    }
  });
});
