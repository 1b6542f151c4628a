// The authorization matrix: every data function that takes an actor, called by each role,
// on the actor's own data and on someone else's. Allowed calls must succeed; denied calls
// must throw ForbiddenError and change nothing.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { exportAllProgressCsv } from "../export/progress-export";
import { Role } from "../generated/prisma/enums";
import { createInvitation, listInvitations, revokeInvitation } from "../invitations/invitations";
import { getLearnerRecord, getTopicProgress, getTopicStatuses } from "../progress/read-progress";
import { recordHeartbeat } from "../progress/record-heartbeat";
import { updateInstanceSettings } from "../settings/instance-settings";
import { countUsersByRole } from "../users/count-users-by-role";
import { changeUserRole, listUsers, setUserDeactivated } from "../users/manage-users";
import type { TUserSummary } from "../users/user-summary";
import { ForbiddenError } from "./forbidden-error";

type TCall = (db: Db, actor: TUserSummary, other: TUserSummary) => Promise<unknown>;

const ADMIN_ONLY: Record<string, TCall> = {
  countUsersByRole: (db, actor) => countUsersByRole(db, actor),
  listUsers: (db, actor) => listUsers(db, actor),
  "changeUserRole (someone else)": (db, actor, other) => changeUserRole(db, actor, other.id, "LEARNER"),
  "changeUserRole (self-promotion)": (db, actor) => changeUserRole(db, actor, actor.id, "ADMIN"),
  "setUserDeactivated (someone else)": (db, actor, other) => setUserDeactivated(db, actor, other.id, false),
  createInvitation: (db, actor) => createInvitation(db, actor, { role: "ADMIN" }),
  listInvitations: (db, actor) => listInvitations(db, actor),
  revokeInvitation: (db, actor) => revokeInvitation(db, actor, "no-such-invitation"),
  updateInstanceSettings: (db, actor) => updateInstanceSettings(db, actor, { signUpMode: "open", quizPassPercent: 80 }),
  exportAllProgressCsv: (db, actor) => exportAllProgressCsv(db, actor),
};

const OWN_OR_ADMIN: Record<string, (db: Db, actor: TUserSummary, learnerId: string) => Promise<unknown>> = {
  getTopicProgress: (db, actor, learnerId) => getTopicProgress(db, actor, learnerId, "2.3"),
  getTopicStatuses: (db, actor, learnerId) => getTopicStatuses(db, actor, learnerId),
  getLearnerRecord: (db, actor, learnerId) => getLearnerRecord(db, actor, learnerId),
};

const ROLES = [Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN] as const;

describe("authorization matrix", () => {
  let testDb: TTestDatabase;
  const actors = {} as Record<Role, TUserSummary>;
  let otherLearner: TUserSummary;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.db.curriculumTopic.create({ data: { id: "2.3", section: 2, title: "Interrupts", contentHash: "x" } });
    const select = { id: true, email: true, name: true, role: true } as const;
    for (const role of ROLES) actors[role] = await testDb.db.user.create({ data: { email: `${role.toLowerCase()}@example.com`, name: role, role }, select });
    otherLearner = await testDb.db.user.create({ data: { email: "other@example.com", name: "Other" }, select });
    await recordHeartbeat(testDb.db, otherLearner, "2.3", { activeSeconds: 0, timezoneOffsetMinutes: 0 });
  });
  afterAll(async () => testDb.drop());

  const snapshot = async () => JSON.stringify([await testDb.db.user.findMany({ orderBy: { id: "asc" } }), await testDb.db.invitation.count(), await testDb.db.instanceSetting.findMany({ orderBy: { key: "asc" } })]);

  describe.each(ROLES)("as %s", (role) => {
    for (const [name, call] of Object.entries(ADMIN_ONLY)) {
      if (role === Role.ADMIN) {
        it(`${name}: allowed`, async () => {
          await expect(call(testDb.db, actors[role], otherLearner)).resolves.not.toThrow();
        });
      } else {
        it(`${name}: denied, nothing changed`, async () => {
          const before = await snapshot();
          await expect(call(testDb.db, actors[role], otherLearner)).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshot()).toBe(before);
        });
      }
    }
    for (const [name, read] of Object.entries(OWN_OR_ADMIN)) {
      it(`${name} of their own record: allowed`, async () => {
        await expect(read(testDb.db, actors[role], actors[role].id)).resolves.toBeDefined();
      });
      if (role === Role.ADMIN) {
        it(`${name} of another learner: allowed`, async () => {
          expect(JSON.stringify(await read(testDb.db, actors[role], otherLearner.id))).toMatch(/IN_PROGRESS|"2\.3"/);
        });
      } else {
        it(`${name} of another learner: denied`, async () => {
          await expect(read(testDb.db, actors[role], otherLearner.id)).rejects.toBeInstanceOf(ForbiddenError);
        });
      }
    }
  });
});
