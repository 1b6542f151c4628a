import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../security/password";
import { ForbiddenError } from "../security/forbidden-error";
import { authenticateWithPassword } from "./authenticate-with-password";
import { countUsersByRole } from "./count-users-by-role";
import { getActiveUser } from "./get-active-user";

describe("users", () => {
  let testDb: TTestDatabase;
  let learnerId: string;
  let adminId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    const passwordHash = await hashPassword("learner password 1");
    learnerId = (await testDb.db.user.create({ data: { email: "lea@example.com", name: "Lea", passwordHash } })).id;
    adminId = (await testDb.db.user.create({ data: { email: "root@example.com", name: "Root", passwordHash, role: "ADMIN" } })).id;
    await testDb.db.user.create({ data: { email: "gone@example.com", name: "Gone", passwordHash, deactivatedAt: new Date() } });
  });
  afterAll(async () => testDb.drop());

  it("authenticates with the right password, case-insensitively on email", async () => {
    expect(await authenticateWithPassword(testDb.db, "LEA@example.com", "learner password 1")).toEqual({ id: learnerId, email: "lea@example.com", name: "Lea", role: "LEARNER" });
  });

  it.each([
    ["wrong password", "lea@example.com", "learner password 2"],
    ["unknown account", "nobody@example.com", "learner password 1"],
    ["deactivated account", "gone@example.com", "learner password 1"],
    ["malformed email", "not an email", "learner password 1"],
    ["missing password", "lea@example.com", undefined],
  ])("refuses a %s", async (_case, email, password) => {
    expect(await authenticateWithPassword(testDb.db, email, password)).toBeNull();
  });

  it("getActiveUser hides deactivated users, so their sessions stop working", async () => {
    const gone = await testDb.db.user.findUniqueOrThrow({ where: { email: "gone@example.com" } });
    expect(await getActiveUser(testDb.db, gone.id, Date.now())).toBeNull();
    expect(await getActiveUser(testDb.db, learnerId, Date.now())).toMatchObject({ id: learnerId, role: "LEARNER" });
  });

  it("countUsersByRole is for admins only", async () => {
    const admin = (await getActiveUser(testDb.db, adminId, Date.now()))!;
    const learner = (await getActiveUser(testDb.db, learnerId, Date.now()))!;
    expect(await countUsersByRole(testDb.db, admin)).toEqual({ LEARNER: 2, INSTRUCTOR: 0, ADMIN: 1 });
    await expect(countUsersByRole(testDb.db, learner)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
