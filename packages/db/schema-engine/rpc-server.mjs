// @ts-check
// JSON-RPC 2.0 over stdio, newline-delimited, as the Prisma CLI speaks it to the native
// schema engine. Each request gets a fresh wasm SchemaEngine: instances keep state
// (e.g. a shadow database) that leaks between requests otherwise.
import { createInterface } from "node:readline";
import { panicState } from "./load-wasm.mjs";
import { writeLogRecord } from "./log.mjs";

// The CLI shows `data.message` with `data.error_code`; the top-level code is the one the
// native engine uses for every error.
const RPC_ERROR_CODE = 4466;

// These need a shadow database, which the wasm engine only sets up through devDiagnostic.
const METHODS_NEEDING_DEV_DIAGNOSTIC = new Set(["createMigration", "evaluateDataLoss", "diagnoseMigrationHistory"]);
const EMPTY_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * A diff from or to a migrations directory replays it on a shadow database, which the
 * wasm engine also only gets through devDiagnostic.
 * @param {string} method @param {any} params
 */
function migrationsListOfDiff(method, params) {
  if (method !== "diff") return null;
  const side = [params?.from, params?.to].find((target) => target?.tag === "migrations");
  if (!side) return null;
  const { tag: _tag, ...migrationsList } = side;
  return migrationsList;
}

/** @param {unknown} message */
function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

let nextOutgoingId = 1_000_000; // far from the CLI's own ids

/** @param {any} error */
function toRpcError(error) {
  const isPanic = panicState.message !== null;
  const message = panicState.message ?? error?.message ?? String(error);
  return {
    code: RPC_ERROR_CODE,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: isPanic, message, error_code: error?.code ?? error?.error_code ?? null, meta: error?.meta ?? null },
  };
}

/**
 * @param {{ wasm: any, adapterFactory: unknown, datamodels: [string, string][] }} engineInputs
 * @param {string} method @param {any} params
 */
async function dispatch({ wasm, adapterFactory, datamodels }, method, params) {
  /** @param {string} line */
  const forwardLog = (line) => process.stderr.write(`${line}\n`);
  const engine = await wasm.SchemaEngine.new({ datamodels }, forwardLog, adapterFactory);
  try {
    const migrationsList = METHODS_NEEDING_DEV_DIAGNOSTIC.has(method) ? params.migrationsList : migrationsListOfDiff(method, params);
    if (migrationsList) await engine.devDiagnostic({ migrationsList, filters: params.filters ?? EMPTY_FILTERS });
    switch (method) {
      case "getDatabaseVersion":
        // The engine rejects a params object without `datasource`; it then uses its own.
        return await engine.version(params?.datasource ? params : null);
      case "diff": {
        const result = await engine.diff(params);
        // The native engine prints the diff through the CLI rather than in the result.
        if (result.stdout) send({ jsonrpc: "2.0", id: nextOutgoingId++, method: "print", params: { content: result.stdout } });
        return { exitCode: result.exitCode };
      }
      default:
        if (typeof engine[method] !== "function") throw new Error(`The wasm schema engine has no method "${method}"`);
        return (await engine[method](params ?? {})) ?? {};
    }
  } finally {
    engine.free?.();
  }
}

/**
 * Serves requests until stdin closes. Requests are handled one at a time, in order.
 * @param {{ wasm: any, adapterFactory: unknown, datamodels: [string, string][], waitForShadowDrops: () => Promise<unknown> }} inputs
 */
export async function serveJsonRpc(inputs) {
  /** @type {unknown} */
  let currentRequestId = null;
  // Some wasm failures (Rust panics, errors thrown from inside engine callbacks) escape
  // the awaited promise. Answer the request in flight with them, then exit: the
  // instance is not usable any more.
  process.on("uncaughtException", (error) => {
    const isPanic = error instanceof WebAssembly.RuntimeError || panicState.message !== null;
    if (currentRequestId !== null) send({ jsonrpc: "2.0", id: currentRequestId, error: { ...toRpcError(error), data: { ...toRpcError(error).data, is_panic: isPanic } } });
    writeLogRecord("ERROR", error.stack ?? error.message);
    void inputs.waitForShadowDrops().finally(() => process.exit(isPanic ? 101 : 1));
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    /** @type {any} */
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      writeLogRecord("ERROR", `Could not parse JSON-RPC request: ${line.slice(0, 200)}`);
      continue;
    }
    if (typeof request.method !== "string") continue; // a reply to our own `print` request
    currentRequestId = request.id;
    try {
      const result = await dispatch(inputs, request.method, request.params);
      send({ jsonrpc: "2.0", id: request.id, result });
    } catch (error) {
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
      if (panicState.message !== null) {
        await inputs.waitForShadowDrops();
        process.exit(101); // the wasm instance cannot be used after a panic
      }
    }
    currentRequestId = null;
  }
  await inputs.waitForShadowDrops();
}
