// Which schema engine the Prisma CLI should run. Prisma downloads a native binary on
// install; where that download is impossible (offline machines, this project's CI) the
// CLI fails, so we point it at our WebAssembly stand-in unless the operator chose one.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const WASM_SCHEMA_ENGINE_BIN = join(dirname(fileURLToPath(import.meta.url)), "../../schema-engine/bin.mjs");

function hasNativeSchemaEngine(): boolean {
  try {
    const enginesDir = dirname(createRequire(import.meta.url).resolve("@prisma/engines"));
    return readdirSync(join(enginesDir, "..")).some((name) => name.startsWith("schema-engine-"));
  } catch {
    return false;
  }
}

/** The environment additions that make the Prisma CLI work on this machine. */
export function schemaEngineEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const chosen = env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (chosen && existsSync(chosen)) return {};
  if (hasNativeSchemaEngine()) return {};
  return { PRISMA_SCHEMA_ENGINE_BINARY: WASM_SCHEMA_ENGINE_BIN };
}
