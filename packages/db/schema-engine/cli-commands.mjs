// @ts-check
// The schema engine's `cli` sub-commands, which the Prisma CLI runs as one-shot processes:
// exit 0 on success; on failure exit 1 with a JSON error record on stderr (after one
// leading line, which the CLI skips).
import { runStatement, toClientConfig } from "./pg-adapter.mjs";
import { writeLogRecord } from "./log.mjs";

const MAINTENANCE_DATABASE = "postgres";

/**
 * Prisma's P-codes for the connection failures the CLI knows how to explain.
 * @param {any} error a pg or network error
 */
export function toPrismaErrorCode(error) {
  switch (error?.code) {
    case "3D000":
      return "P1003"; // database does not exist
    case "28P01":
    case "28000":
      return "P1000"; // authentication failed
    case "42P04":
      return "P1009"; // database already exists
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return "P1001"; // cannot reach the server
    default:
      return "P1000";
  }
}

export const CLI_COMMANDS = ["can-connect-to-database", "create-database", "drop-database"];

/** @param {string} url @param {string} command one of CLI_COMMANDS */
export async function runCliCommand(url, command) {
  const config = toClientConfig(url);
  const databaseName = config.database ?? "postgres";
  const maintenance = { ...config, database: MAINTENANCE_DATABASE };
  writeLogRecord("INFO", `schema engine (wasm) cli ${command}`);
  try {
    if (command === "can-connect-to-database") await runStatement(config, "SELECT 1");
    else if (command === "create-database") await runStatement(maintenance, `CREATE DATABASE "${databaseName.replaceAll('"', '""')}"`);
    else if (command === "drop-database") await runStatement(maintenance, `DROP DATABASE IF EXISTS "${databaseName.replaceAll('"', '""')}"`);
    else throw Object.assign(new Error(`Unknown cli command: ${command}`), { code: "UNKNOWN" });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeLogRecord("ERROR", `${message} (database "${databaseName}" at ${config.host}:${config.port ?? 5432})`, toPrismaErrorCode(error));
    return 1;
  }
}
