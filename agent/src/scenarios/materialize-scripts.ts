// Writes the catalogue's scripts to a directory only the agent's user can touch (0700),
// from the text the agent was built with: what runs is what was shipped, whatever may
// have been left in that directory before.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TCatalogueEntry } from "./catalogue.generated";

export function materializeScripts(directory: string, library: string, catalogue: readonly TCatalogueEntry[]): void {
  mkdirSync(join(directory, "lib"), { recursive: true, mode: 0o700 });
  chmodSync(directory, 0o700);
  writeFileSync(join(directory, "lib", "scenario.sh"), library, { mode: 0o600 });
  for (const entry of catalogue) {
    const folder = join(directory, entry.manifest.id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const script = join(folder, "run.sh");
    writeFileSync(script, entry.script, { mode: 0o700 });
    chmodSync(script, 0o700); // writeFileSync keeps an existing file's mode
  }
}

export const scriptPath = (directory: string, scenarioId: string) => join(directory, scenarioId, "run.sh");
