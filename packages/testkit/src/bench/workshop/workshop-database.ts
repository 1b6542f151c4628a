// The workshop benchmark's own database, seeded through the data layer as a real workshop
// comes to be: an instructor creates it (createWorkshop), each learner enrols a lab machine
// (createAgent), joins with the code (joinWorkshop) and attaches the machine
// (attachMachine). Created and migrated for the run on the test PostgreSQL server, as the
// live fan-out benchmark's (live-fanout/bench-database.ts), and dropped at the end.
import { attachMachine, createAgent, createWorkshop, joinWorkshop, Role, syncCurriculum, type Db, type TUserSummary } from "@perflab/db";
import { randomBytes } from "node:crypto";
import { createScratchDatabase, sessionCookie, type TScratchDatabase } from "../live-fanout/bench-database";

/** A day's workshop: a handful of topics, so the matrix is learners × 6 cells. */
export const WORKSHOP_TOPIC_IDS = ["2.1", "2.2", "3.1", "3.2", "3.4", "4.1"];
const HOUR_MS = 3_600_000;

export interface TBenchLearner {
  userId: string;
  cookie: string;
  machineId: string;
  token: string;
}

export interface TWorkshopDatabase extends TScratchDatabase {
  /** The next-auth secret the server decodes session cookies with. */
  authSecret: string;
  workshopId: string;
  instructorCookie: string;
  learners: TBenchLearner[];
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
  return createScratchDatabase("workshop", async (db) => {
    const topics = WORKSHOP_TOPIC_IDS.map((id) => ({ id, section: Number(id.split(".")[0]), title: `Topic ${id}`, contentHash: "bench", exercises: [] }));
    await syncCurriculum(db, topics, { isComplete: true });
    const authSecret = randomBytes(32).toString("base64url");
    const instructor = await db.user.create({ data: { email: "instructor@bench.invalid", name: "Bench instructor", role: Role.INSTRUCTOR }, select: USER_SELECT });
    const now = Date.now();
    const created = await createWorkshop(db, instructor, { title: "Benchmark workshop", startsAt: new Date(now - HOUR_MS), endsAt: new Date(now + 8 * HOUR_MS), topicIds: WORKSHOP_TOPIC_IDS });
    if (!("data" in created)) throw new Error(`creating the workshop: ${JSON.stringify(created.fieldErrors)}`);
    const learners: TBenchLearner[] = [];
    for (let index = 0; index < learnerCount; index++) learners.push(await enrolLearner(db, index, created.data.id, created.data.joinCode, authSecret));
    return { authSecret, workshopId: created.data.id, instructorCookie: await sessionCookie(instructor, authSecret), learners };
  });
}
