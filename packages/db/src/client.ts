// The Prisma client for a database URL. Prisma 7 talks to PostgreSQL through the `pg`
// driver adapter (no native query engine), so this works on any machine Node runs on.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

const DB_SINGLETON_KEY = Symbol.for("perflab.db");
type GlobalWithDb = typeof globalThis & { [DB_SINGLETON_KEY]?: { url: string; db: Db } };

/**
 * One client per process. The custom server and Next's route handlers are bundled
 * separately but share `globalThis`, so keying the client there gives them one pool.
 */
export function getSharedDb(databaseUrl: string): Db {
  const holder = globalThis as GlobalWithDb;
  const existing = holder[DB_SINGLETON_KEY];
  if (existing && existing.url === databaseUrl) return existing.db;
  const db = createDb(databaseUrl);
  holder[DB_SINGLETON_KEY] = { url: databaseUrl, db };
  return db;
}

export async function disconnectSharedDb(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  const existing = holder[DB_SINGLETON_KEY];
  delete holder[DB_SINGLETON_KEY];
  await existing?.db.$disconnect();
}
