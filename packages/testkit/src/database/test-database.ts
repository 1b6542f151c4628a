// A private, fully migrated database for one test file, dropped afterwards.
import { createDb, type Db } from "@perflab/db";
import { dropDatabase, withDatabase } from "@perflab/db/admin";
import pg from "pg";
import { inject } from "vitest";
import "./provided-context";

export interface TTestDatabase {
  url: string;
  db: Db;
  drop: () => Promise<void>;
}

let counter = 0;

export async function createTestDatabase(): Promise<TTestDatabase> {
  const serverUrl = inject("testServerUrl");
  const template = inject("templateDatabase");
  const name = `perflab_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = createDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}
