#!/usr/bin/env node
// @ts-check
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download
// it. It speaks the binary's command line (--version, `cli <command>`, JSON-RPC on stdio)
// and forwards the work to @prisma/schema-engine-wasm over @prisma/adapter-pg.
// Selected by PRISMA_SCHEMA_ENGINE_BINARY (see ../src/cli/prisma.ts); unused when the
// native engine is present. Protocol notes: ARCHITECTURE.md, "Migrations without the
// native engine".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runCliCommand } from "./cli-commands.mjs";
import { loadSchemaEngineWasm, schemaEngineWasmVersion } from "./load-wasm.mjs";
import { writeLogRecord } from "./log.mjs";
import { createMigrationAwareAdapterFactory } from "./pg-adapter.mjs";
import { serveJsonRpc } from "./rpc-server.mjs";

/** @param {string[]} argv */
function parseArguments(argv) {
  /** @type {{ datamodels: string[], datasourceUrl: string | null, isVersion: boolean, cliCommand: string | null }} */
  const parsed = { datamodels: [], datasourceUrl: null, isVersion: false, cliCommand: null };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--version" || argument === "-V") parsed.isVersion = true;
    else if (argument === "--datamodels") parsed.datamodels.push(String(argv[++i]));
    else if (argument === "--datasource") parsed.datasourceUrl = JSON.parse(String(argv[++i])).url ?? null;
    else if (argument === "--enabled-preview-features" || argument === "--extension-types") i++;
    else if (argument === "cli") parsed.cliCommand = argv[++i] ?? null;
  }
  return parsed;
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if (args.isVersion) {
    const require = createRequire(import.meta.url);
    const { enginesVersion } = require("@prisma/engines-version");
    process.stdout.write(`schema-engine-cli ${enginesVersion} (wasm ${schemaEngineWasmVersion()})\n`);
    return 0;
  }
  if (!args.datasourceUrl) {
    writeLogRecord("ERROR", "No datasource URL: set DATABASE_URL (prisma.config.ts passes it as --datasource).", "P1012");
    return 1;
  }
  if (args.cliCommand !== null) return runCliCommand(args.datasourceUrl, args.cliCommand);
  const wasm = await loadSchemaEngineWasm();
  const { adapterFactory, waitForShadowDrops } = createMigrationAwareAdapterFactory(args.datasourceUrl);
  /** @type {[string, string][]} */
  const datamodels = args.datamodels.map((path) => [path, readFileSync(path, "utf8")]);
  // Commands like `migrate diff` pass no schema, but the wasm engine cannot start without
  // one (the native engine infers the connector from the URL). Name the provider ourselves.
  if (datamodels.length === 0) datamodels.push(["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']);
  await serveJsonRpc({ wasm, adapterFactory, datamodels, waitForShadowDrops });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    writeLogRecord("ERROR", error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
