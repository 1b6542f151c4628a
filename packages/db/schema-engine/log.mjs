// @ts-check
// The Prisma CLI reads the schema engine's stderr as one JSON log record per line
// ({ level, target, fields: { message, error_code? } }) and, for `cli` sub-commands,
// skips the first line. Writing records in that shape is what makes our errors show up
// in the CLI's own messages instead of "Schema engine exited".

/** @param {"INFO" | "WARN" | "ERROR"} level @param {string} message @param {string} [errorCode] */
export function writeLogRecord(level, message, errorCode) {
  const fields = errorCode ? { message, error_code: errorCode } : { message };
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields })}\n`);
}
