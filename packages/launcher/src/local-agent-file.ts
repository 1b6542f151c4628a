// Where the launcher remembers the local lab machine: its id and token in
// $PERFLAB_DATA_DIR/local-agent.json (0600, like auth-secret). The token exists nowhere
// else (the database keeps only its hash), so deleting this file is how to enrol afresh.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { TLocalAgentCredentials } from "@perflab/db";

export const LOCAL_AGENT_FILE_NAME = "local-agent.json";

const ZLocalAgentFile = z.object({ agentId: z.string().min(1), token: z.string().min(1) });

export function localAgentFilePath(dataDir: string): string {
  return join(dataDir, LOCAL_AGENT_FILE_NAME);
}

/** The remembered machine; null when there is none yet. Throws with the file named when it is unreadable. */
export function readLocalAgentFile(dataDir: string): TLocalAgentCredentials | null {
  const file = localAgentFilePath(dataDir);
  if (!existsSync(file)) return null;
  let parsed;
  try {
    parsed = ZLocalAgentFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    throw new Error(`${file} is unreadable (${(error as Error).message}); delete it to enrol this machine again`);
  }
  if (!parsed.success) throw new Error(`${file} is not what perflab wrote (agentId and token expected); delete it to enrol this machine again`);
  return parsed.data;
}

export function writeLocalAgentFile(dataDir: string, credentials: TLocalAgentCredentials): void {
  const file = localAgentFilePath(dataDir);
  // Written aside and renamed, so a crash mid-write cannot leave half a token behind.
  const pending = `${file}.${process.pid}.tmp`;
  writeFileSync(pending, `${JSON.stringify({ agentId: credentials.agentId, token: credentials.token }, null, 2)}\n`, { mode: 0o600 });
  renameSync(pending, file);
}
