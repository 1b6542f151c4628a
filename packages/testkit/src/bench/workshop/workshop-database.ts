// The workshop benchmark's own database, seeded through the data layer as a real workshop
// comes to be: an instructor creates it (createWorkshop), each learner enrols a lab machine
// (createAgent), joins with the code (joinWorkshop) and attaches the machine
// (attachMachine). Created and migrated for the run on the test PostgreSQL server, as the
// live fan-out benchmark's (live-fanout/bench-database.ts), and dropped at the end.
import { attachMachine, createAgent, createDb, createWorkshop, joinWorkshop, Role, syncCurriculum, type Db, type TUserSummary } from "@perflab/db";
import { applyMigrations, createDatabase, dropDatabase } from "@perflab/db/admin";
import { randomBytes } from "node:crypto";
import { startTestServer } from "../../database/test-server";
import { sessionCookie } from "../live-fanout/bench-database";

/** A day's workshop: a handful of topics, so the matrix is learners × 6 cells. */
export const WORKSHOP_TOPIC_IDS = ["2.1", "2.2", "3.1", "3.2", "3.4", "4.1"];
const HOUR_MS = 3_600_000;

export interface TBenchLearner {
  userId: string;
  cookie: string;
  machineId: string;
  token: string;
}

export interface TWorkshopDatabase {
  url: string;
  /** The next-auth secret the server decodes session cookies with. */
  authSecret: string;
  workshopId: string;
  instructorCookie: string;
  learners: TBenchLearner[];
  /** PostgreSQL backends serving this database now (other than our own connection). */
  backendPids: () => Promise<number[]>;
  drop: () => Promise<void>;
}

const USER_SELECT = { id: true, email: true, name: true, role: true } as const;

async function enrolLearner(db: Db, index: number, workshopId: string, joinCode: string, authSecret: string): Promise<TBenchLearner> {
  const learner: TUserSummary = await db.user.create({ data: { email: `learner-${index + 1}@bench.invalid`, name: `Learner ${index + 1}` }, select: USER_SELECT });
  const machine = await createAgent(db, learner, { name: `learner-${index + 1}-lab` });
  if (!("data" in machine)) throw new Error(`enrolling a machine: ${JSON.stringify(machine)}`);
  const joined = await joinWorkshop(db, learner, joinCode);
  if (!("data" in joined)) throw new Error(`joining the workshop: ${joined.message}`);
  await attachMachine(db, learner, workshopId, machine.data.agentId);
  return { userId: learner.id, cookie: await sessionCookie(learner, authSecret), machineId: machine.data.agentId, token: machine.data.token };
}

export async function createWorkshopDatabase(learnerCount: number): Promise<TWorkshopDatabase> {
  const server = await startTestServer();
  const name = `perflab_bench_workshop_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(server.url, name);
  let db: Db | null = null;
  try {
    await applyMigrations(url);
    db = createDb(url);
    const topics = WORKSHOP_TOPIC_IDS.map((id) => ({ id, section: Number(id.split(".")[0]), title: `Topic ${id}`, contentHash: "bench", exercises: [] }));
    await syncCurriculum(db, topics, { isComplete: true });
    const authSecret = randomBytes(32).toString("base64url");
    const instructor = await db.user.create({ data: { email: "instructor@bench.invalid", name: "Bench instructor", role: Role.INSTRUCTOR }, select: USER_SELECT });
    const now = Date.now();
    const created = await createWorkshop(db, instructor, { title: "Benchmark workshop", startsAt: new Date(now - HOUR_MS), endsAt: new Date(now + 8 * HOUR_MS), topicIds: WORKSHOP_TOPIC_IDS });
    if (!("data" in created)) throw new Error(`creating the workshop: ${JSON.stringify(created.fieldErrors)}`);
    const learners: TBenchLearner[] = [];
    for (let index = 0; index < learnerCount; index++) learners.push(await enrolLearner(db, index, created.data.id, created.data.joinCode, authSecret));
    const connected = db;
    return {
      url,
      authSecret,
      workshopId: created.data.id,
      instructorCookie: await sessionCookie(instructor, authSecret),
      learners,
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
