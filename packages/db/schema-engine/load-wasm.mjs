// @ts-check
// Instantiates Prisma's WebAssembly schema engine by hand. The package's own entry does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot load, so we
// compile the module ourselves and hand its exports to the wasm-bindgen glue.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const GLUE_MODULE_NAME = "./schema_engine_bg.js";

/** Rust panics are reported through this global; after one the instance is unusable. */
export const panicState = { message: /** @type {string | null} */ (null) };

// The package exports neither its package.json nor the .wasm file, so locate it by its entry.
function schemaEngineWasmDir() {
  return dirname(require.resolve("@prisma/schema-engine-wasm"));
}

export function schemaEngineWasmVersion() {
  return JSON.parse(readFileSync(join(schemaEngineWasmDir(), "package.json"), "utf8")).version;
}

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
export async function loadSchemaEngineWasm() {
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      /** @param {string} message */
      set_message(message) {
        panicState.message = message;
      },
    },
  });
  const packageDir = schemaEngineWasmDir();
  const glue = await import(join(packageDir, "schema_engine_bg.js"));
  const bytes = readFileSync(join(packageDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { [GLUE_MODULE_NAME]: glue });
  glue.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start?.();
  return glue;
}
