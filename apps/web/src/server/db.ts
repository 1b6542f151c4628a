// The process-wide database client for request handlers and the custom server.
import { getSharedDb, type Db } from "@perflab/db";
import { getServerEnv } from "../env";

export function getDb(): Db {
  return getSharedDb(getServerEnv().DATABASE_URL);
}
