// Sign-up modes, invitations, sign-in throttling, admin user management and identity-
// provider sign-in against a real PostgreSQL.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInWithIdentityProvider } from "../identity/sign-in-with-identity-provider";
import { createInvitation, describeInvitation, listInvitations, revokeInvitation } from "../invitations/invitations";
import { hashPassword } from "../security/password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, recordSignInFailure, THROTTLE_WINDOW_MS } from "../security/sign-in-throttle";
import { readInstanceSettings, updateInstanceSettings } from "../settings/instance-settings";
import { endAllSessions, getActiveUser } from "./get-active-user";
import { changeUserRole, listUsers, setUserDeactivated } from "./manage-users";
import { signInWithPassword } from "./sign-in-with-password";
import { signUp } from "./sign-up";
import type { TUserSummary } from "./user-summary";

describe("accounts", () => {
  let testDb: TTestDatabase;
  let admin: TUserSummary;
  const account = (email: string) => ({ name: "New Person", email, password: "a long enough password" });
  const setMode = (signUpMode: string) => updateInstanceSettings(testDb.db, admin, { signUpMode, quizPassPercent: 80 });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    admin = await testDb.db.user.create({ data: { email: "admin@example.com", name: "Admin", role: "ADMIN", passwordHash: await hashPassword("admin password 123") }, select: { id: true, email: true, name: true, role: true } });
  });
  afterAll(async () => testDb.drop());

  describe("sign-up modes", () => {
    it("closed: nobody signs up, not even with an invitation", async () => {
      await setMode("closed");
      const { data } = (await createInvitation(testDb.db, admin, {})) as { data: { token: string } };
      expect(await signUp(testDb.db, account("closed@example.com"), null)).toEqual({ error: "sign-up-closed" });
      expect(await signUp(testDb.db, account("closed@example.com"), data.token)).toEqual({ error: "sign-up-closed" });
    });

    it("invite-only: needs a valid invitation, locked to its email, used once, with its role", async () => {
      await setMode("invite-only");
      expect(await signUp(testDb.db, account("x@example.com"), null)).toEqual({ error: "invitation-required" });
      expect(await signUp(testDb.db, account("x@example.com"), "made-up-token")).toEqual({ error: "invalid-invitation" });
      const created = await createInvitation(testDb.db, admin, { email: "Teacher@Example.com", role: "INSTRUCTOR", validDays: 3 });
      if (!("data" in created)) throw new Error("invitation not created");
      expect(await describeInvitation(testDb.db, created.data.token)).toEqual({ email: "teacher@example.com", role: "INSTRUCTOR" });
      expect(await signUp(testDb.db, account("someone-else@example.com"), created.data.token)).toMatchObject({ error: "invalid-input", fieldErrors: { email: expect.stringMatching(/different email/) } });
      expect(await signUp(testDb.db, account("teacher@example.com"), created.data.token)).toMatchObject({ data: { email: "teacher@example.com", role: "INSTRUCTOR" } });
      expect(await signUp(testDb.db, account("teacher2@example.com"), created.data.token)).toEqual({ error: "invalid-invitation" });
      const listed = await listInvitations(testDb.db, admin);
      expect(listed.find((invitation) => invitation.id === created.data.invitation.id)).toMatchObject({ state: "used", usedBy: "teacher@example.com" });
      expect(JSON.stringify(listed)).not.toContain(created.data.token);
    });

    it("a revoked or expired invitation does not work", async () => {
      const revoked = (await createInvitation(testDb.db, admin, {})) as { data: { token: string; invitation: { id: string } } };
      expect(await revokeInvitation(testDb.db, admin, revoked.data.invitation.id)).toBe(true);
      expect(await revokeInvitation(testDb.db, admin, revoked.data.invitation.id)).toBe(false);
      expect(await signUp(testDb.db, account("r@example.com"), revoked.data.token)).toEqual({ error: "invalid-invitation" });
      const old = (await createInvitation(testDb.db, admin, { validDays: 1 }, new Date(Date.now() - 2 * 86_400_000))) as { data: { token: string } };
      expect(await signUp(testDb.db, account("o@example.com"), old.data.token)).toEqual({ error: "invalid-invitation" });
    });

    it("two sign-ups racing on one invitation: exactly one wins", async () => {
      const created = (await createInvitation(testDb.db, admin, {})) as { data: { token: string } };
      const results = await Promise.all([signUp(testDb.db, account("race1@example.com"), created.data.token), signUp(testDb.db, account("race2@example.com"), created.data.token)]);
      expect(results.filter((result) => "data" in result)).toHaveLength(1);
      expect(results.filter((result) => "error" in result && result.error === "invalid-invitation")).toHaveLength(1);
      expect(await testDb.db.user.count({ where: { email: { startsWith: "race" } } })).toBe(1);
    });

    it("open: anyone signs up as a learner; bad fields and taken emails get field messages", async () => {
      await setMode("open");
      expect(await signUp(testDb.db, account("open@example.com"), null)).toMatchObject({ data: { role: "LEARNER" } });
      expect(await signUp(testDb.db, account("OPEN@example.com"), null)).toMatchObject({ error: "invalid-input", fieldErrors: { email: expect.stringMatching(/already exists/) } });
      expect(await signUp(testDb.db, { name: "", email: "nope", password: "short" }, null)).toMatchObject({ error: "invalid-input", fieldErrors: { name: expect.any(String), email: expect.any(String), password: expect.any(String) } });
    });

    it("settings are validated field by field", async () => {
      expect(await updateInstanceSettings(testDb.db, admin, { signUpMode: "sometimes", quizPassPercent: 0 })).toEqual({
        error: "invalid-input",
        fieldErrors: { signUpMode: "Choose open, invite-only or closed", quizPassPercent: "Must be between 1 and 100" },
      });
      expect(await readInstanceSettings(testDb.db)).toMatchObject({ signUpMode: "open" });
    });
  });

  describe("sign-in throttling", () => {
    beforeEach(async () => testDb.db.signInFailure.deleteMany());
    const tryPassword = (email: string, password: string, address: string | null, now?: Date) => signInWithPassword(testDb.db, { email, password, address }, now);
    // Each real attempt costs a 128 MiB scrypt; earlier failures are recorded directly.
    const earlierFailures = async (count: number, email: (i: number) => string, address: (i: number) => string | null) => {
      for (let i = 0; i < count; i++) await recordSignInFailure(testDb.db, email(i), address(i));
    };

    it(`refuses an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password, until the window passes`, async () => {
      await earlierFailures(MAX_FAILURES_PER_ACCOUNT - 1, () => "admin@example.com", (i) => `10.0.0.${i}`);
      expect(await tryPassword("admin@example.com", "wrong", "10.0.0.99")).toEqual({ error: "invalid-credentials" });
      const refused = await tryPassword("admin@example.com", "admin password 123", "10.0.1.1");
      expect(refused).toMatchObject({ error: "throttled" });
      expect("retryAfterSeconds" in refused && refused.retryAfterSeconds).toBeGreaterThan(THROTTLE_WINDOW_MS / 1000 - 60);
      expect(await tryPassword("admin@example.com", "admin password 123", "10.0.1.1", new Date(Date.now() + THROTTLE_WINDOW_MS + 1000))).toMatchObject({ data: { email: "admin@example.com" } });
    });

    it(`refuses an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
      await earlierFailures(MAX_FAILURES_PER_ADDRESS - 1, (i) => `guess${i}@example.com`, () => "192.0.2.7");
      expect(await tryPassword("guess-last@example.com", "wrong", "192.0.2.7")).toEqual({ error: "invalid-credentials" });
      expect(await tryPassword("admin@example.com", "admin password 123", "192.0.2.7")).toMatchObject({ error: "throttled" });
      expect(await tryPassword("admin@example.com", "admin password 123", "192.0.2.8")).toMatchObject({ data: { role: "ADMIN" } });
    });

    it("a success clears the account's failures", async () => {
      await earlierFailures(MAX_FAILURES_PER_ACCOUNT - 1, () => "admin@example.com", () => null);
      expect(await tryPassword("admin@example.com", "admin password 123", null)).toMatchObject({ data: {} });
      expect(await tryPassword("admin@example.com", "wrong", null)).toEqual({ error: "invalid-credentials" });
      expect(await tryPassword("admin@example.com", "admin password 123", null)).toMatchObject({ data: {} });
    });
  });

  describe("managing users", () => {
    it("changes roles, but never demotes or deactivates the last active admin", async () => {
      const learner = await testDb.db.user.create({ data: { email: "promote@example.com", name: "P" } });
      expect(await changeUserRole(testDb.db, admin, learner.id, "INSTRUCTOR")).toMatchObject({ data: { role: "INSTRUCTOR" } });
      expect(await changeUserRole(testDb.db, admin, learner.id, "SUPERUSER")).toEqual({ error: "invalid-role" });
      expect(await changeUserRole(testDb.db, admin, "no-such-user", "ADMIN")).toEqual({ error: "not-found" });
      const admins = await testDb.db.user.findMany({ where: { role: "ADMIN", id: { not: admin.id } } });
      for (const other of admins) await testDb.db.user.update({ where: { id: other.id }, data: { role: "LEARNER" } });
      expect(await changeUserRole(testDb.db, admin, admin.id, "LEARNER")).toEqual({ error: "last-admin" });
      expect(await setUserDeactivated(testDb.db, admin, admin.id, true)).toEqual({ error: "last-admin" });
    });

    it("two admins demoting each other at once leave one admin", async () => {
      const second = await testDb.db.user.create({ data: { email: "second-admin@example.com", name: "S", role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
      await Promise.all([changeUserRole(testDb.db, admin, second.id, "LEARNER"), changeUserRole(testDb.db, second, admin.id, "LEARNER")]);
      expect(await testDb.db.user.count({ where: { role: "ADMIN", deactivatedAt: null } })).toBe(1);
      await testDb.db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
      await testDb.db.user.update({ where: { id: second.id }, data: { role: "LEARNER" } });
    });

    it("deactivation ends sessions at once and blocks sign-in; reactivation needs a new sign-in", async () => {
      const passwordHash = await hashPassword("learner password 1");
      const learner = await testDb.db.user.create({ data: { email: "deact@example.com", name: "D", passwordHash } });
      const signedInAt = Date.now() - 1000;
      expect(await getActiveUser(testDb.db, learner.id, signedInAt)).not.toBeNull();
      await setUserDeactivated(testDb.db, admin, learner.id, true);
      expect(await getActiveUser(testDb.db, learner.id, signedInAt)).toBeNull();
      expect(await signInWithPassword(testDb.db, { email: "deact@example.com", password: "learner password 1", address: null })).toEqual({ error: "invalid-credentials" });
      await setUserDeactivated(testDb.db, admin, learner.id, false);
      expect(await getActiveUser(testDb.db, learner.id, signedInAt)).toBeNull();
      expect(await getActiveUser(testDb.db, learner.id, Date.now() + 1)).not.toBeNull();
      expect((await listUsers(testDb.db, admin, "deact")).map((user) => user.email)).toEqual(["deact@example.com"]);
    });

    it("sign out everywhere ends every earlier session of the actor only", async () => {
      const learner = await testDb.db.user.create({ data: { email: "everywhere@example.com", name: "E" }, select: { id: true, email: true, name: true, role: true } });
      const before = Date.now() - 5000;
      await endAllSessions(testDb.db, learner);
      expect(await getActiveUser(testDb.db, learner.id, before)).toBeNull();
      expect(await getActiveUser(testDb.db, learner.id, Date.now() + 1)).not.toBeNull();
      expect(await getActiveUser(testDb.db, admin.id, before)).not.toBeNull();
    });
  });

  describe("identity provider sign-in", () => {
    const claims = (subject: string, email: string, emailVerified = true) => ({ provider: "oidc", subject, email, emailVerified, name: "Idp Person" });

    it("links a verified email to the existing account, then recognises the subject", async () => {
      const first = await signInWithIdentityProvider(testDb.db, claims("sub-admin", "ADMIN@example.com"));
      expect(first).toMatchObject({ data: { id: admin.id } });
      expect(await signInWithIdentityProvider(testDb.db, claims("sub-admin", "renamed@example.com"))).toMatchObject({ data: { id: admin.id } });
    });

    it("does not link an unverified email, and creates accounts only while sign-up is open", async () => {
      expect(await signInWithIdentityProvider(testDb.db, claims("sub-x", "admin@example.com", false))).toEqual({ error: "email-unverified" });
      await setMode("invite-only");
      expect(await signInWithIdentityProvider(testDb.db, claims("sub-new", "new-idp@example.com"))).toEqual({ error: "sign-up-closed" });
      await setMode("open");
      expect(await signInWithIdentityProvider(testDb.db, claims("sub-new", "new-idp@example.com"))).toMatchObject({ data: { email: "new-idp@example.com", role: "LEARNER" } });
      const created = await testDb.db.user.findUniqueOrThrow({ where: { email: "new-idp@example.com" } });
      expect(created.passwordHash).toBeNull();
    });

    it("refuses a deactivated account and a missing email", async () => {
      const gone = await testDb.db.user.create({ data: { email: "gone-idp@example.com", name: "G", deactivatedAt: new Date() } });
      expect(await signInWithIdentityProvider(testDb.db, claims("sub-gone", gone.email))).toEqual({ error: "deactivated" });
      expect(await signInWithIdentityProvider(testDb.db, { ...claims("sub-none", ""), email: undefined })).toEqual({ error: "email-missing" });
    });
  });
});
