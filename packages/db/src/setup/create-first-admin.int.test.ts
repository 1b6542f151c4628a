import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFirstAdmin } from "./create-first-admin";
import { issueSetupTokenIfNoAdmin, isSetupTokenValid } from "./setup-token";

const validInput = { name: "Ada Admin", email: "  Ada@Example.COM ", password: "correct horse battery" };

describe("first admin setup", () => {
  let testDb: TTestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.drop());
  beforeEach(async () => {
    await testDb.db.user.deleteMany();
    await testDb.db.setupToken.deleteMany();
  });

  it("issues a token only while no admin exists, and stores only its hash", async () => {
    const token = await issueSetupTokenIfNoAdmin(testDb.db);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await testDb.db.setupToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(await isSetupTokenValid(testDb.db, token!)).toBe(true);

    await createFirstAdmin(testDb.db, token!, validInput);
    expect(await issueSetupTokenIfNoAdmin(testDb.db)).toBeNull();
  });

  it("a new token replaces the previous unused one", async () => {
    const first = await issueSetupTokenIfNoAdmin(testDb.db);
    const second = await issueSetupTokenIfNoAdmin(testDb.db);
    expect(await isSetupTokenValid(testDb.db, first!)).toBe(false);
    expect(await isSetupTokenValid(testDb.db, second!)).toBe(true);
  });

  it("creates the admin with a normalised email and a scrypt hash, never the password", async () => {
    const token = await issueSetupTokenIfNoAdmin(testDb.db);
    const result = await createFirstAdmin(testDb.db, token!, validInput);
    expect(result).toEqual({ data: { id: expect.any(String), email: "ada@example.com", name: "Ada Admin", role: "ADMIN" } });
    const row = await testDb.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(row.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row.passwordHash).not.toContain(validInput.password);
  });

  it.each([
    [{ ...validInput, email: "not-an-email" }, "email"],
    [{ ...validInput, password: "short" }, "password"],
    [{ ...validInput, name: "   " }, "name"],
    [{ name: 42, email: null }, "name"],
  ])("rejects bad input %j with a field error and creates nothing", async (input, field) => {
    const token = await issueSetupTokenIfNoAdmin(testDb.db);
    const result = await createFirstAdmin(testDb.db, token!, input);
    expect(result).toMatchObject({ error: "invalid-input", fieldErrors: { [field]: expect.any(String) } });
    expect(await testDb.db.user.count()).toBe(0);
    expect(await isSetupTokenValid(testDb.db, token!)).toBe(true); // the link still works
  });

  it("refuses a wrong or expired token", async () => {
    const token = await issueSetupTokenIfNoAdmin(testDb.db, new Date("2020-01-01T00:00:00Z"));
    expect(await createFirstAdmin(testDb.db, "wrong", validInput)).toEqual({ error: "invalid-token" });
    expect(await createFirstAdmin(testDb.db, token!, validInput)).toEqual({ error: "invalid-token" }); // expired in 2020
    expect(await testDb.db.user.count()).toBe(0);
  });

  it("lets exactly one of several simultaneous submissions through", async () => {
    const token = await issueSetupTokenIfNoAdmin(testDb.db);
    const attempts = await Promise.all(
      ["a", "b", "c"].map((suffix) => createFirstAdmin(testDb.db, token!, { ...validInput, email: `${suffix}@example.com` })),
    );
    expect(attempts.filter((result) => "data" in result)).toHaveLength(1);
    expect(await testDb.db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});
