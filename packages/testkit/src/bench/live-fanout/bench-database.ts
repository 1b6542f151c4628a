// The live fan-out benchmark's own database: created and migrated for the run on the test
// PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, or an embedded one), with an owner
// whose lab machines are enrolled through the real createAgent, an administrator, and the
// session cookies their browsers would carry. Dropped at the end.
import { createAgent, createDb, Role, type Db, type TUserSummary } from "@perflab/db";
import { applyMigrations, createDatabase, dropDatabase } from "@perflab/db/admin";
import { encode } from "next-auth/jwt";
import { randomBytes } from "node:crypto";
import { startTestServer } from "../../database/test-server";

export interface TEnrolledMachine {
  agentId: string;
  token: string;
}

export interface TBenchDatabase extends TScratchDatabase {
  /** The next-auth secret the server decodes session cookies with. */
  authSecret: string;
  machines: TEnrolledMachine[];
  /** Session cookies of the machines' owner and of an administrator: both may watch. */
  ownerCookie: string;
  adminCookie: string;
}

const USER_SELECT = { id: true, email: true, name: true, role: true } as const;

/** The next-auth session cookie a signed-in browser of `user` carries (what the server decodes with `secret`). */
export async function sessionCookie(user: TUserSummary, secret: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: user.id, signedInAt: Date.now() }, secret })}`;
}

async function enrollMachines(db: Db, owner: TUserSummary, count: number): Promise<TEnrolledMachine[]> {
  const machines: TEnrolledMachine[] = [];
  for (let index = 0; index < count; index++) {
    const created = await createAgent(db, owner, { name: `bench-lab-${index + 1}` });
    if (!("data" in created)) throw new Error(`enrolling a machine: ${JSON.stringify(created)}`);
    machines.push({ agentId: created.data.agentId, token: created.data.token });
  }
  return machines;
}

/** What every benchmark database has beside its seed: its URL, its PostgreSQL backends, and a drop. */
export interface TScratchDatabase {
  url: string;
  /** PostgreSQL backends serving this database now (other than our own connection). */
  backendPids: () => Promise<number[]>;
  drop: () => Promise<void>;
}

/**
 * A database of its own for one benchmark run, on the test PostgreSQL server (TEST_DATABASE_URL,
 * DATABASE_URL, or an embedded one), migrated and seeded by `seed`; dropped by `drop`, or at
 * once when seeding fails.
 */
export async function createScratchDatabase<T>(label: string, seed: (db: Db) => Promise<T>): Promise<T & TScratchDatabase> {
  const server = await startTestServer();
  const name = `perflab_bench_${label}_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(server.url, name);
  let db: Db | null = null;
  try {
    await applyMigrations(url);
    const connected = createDb(url);
    db = connected;
    const seeded = await seed(connected);
    return {
      ...seeded,
      url,
      backendPids: async () => (await connected.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).map((row) => row.pid),
      drop: async () => {
        await connected.$disconnect();
        await dropDatabase(server.url, name);
        await server.stop();
      },
    };
  } catch (error) {
    await db?.$disconnect();
    await dropDatabase(server.url, name);
    await server.stop();
    throw error;
  }
}

export async function createBenchDatabase(machineCount: number): Promise<TBenchDatabase> {
  return createScratchDatabase("live", async (db) => {
    const authSecret = randomBytes(32).toString("base64url");
    const owner = await db.user.create({ data: { email: "owner@bench.invalid", name: "Bench owner" }, select: USER_SELECT });
    const admin = await db.user.create({ data: { email: "admin@bench.invalid", name: "Bench admin", role: Role.ADMIN }, select: USER_SELECT });
    return { authSecret, machines: await enrollMachines(db, owner, machineCount), ownerCookie: await sessionCookie(owner, authSecret), adminCookie: await sessionCookie(admin, authSecret) };
  });
}
