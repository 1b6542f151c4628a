// Migrations through the Prisma CLI and our WebAssembly schema engine, on real databases:
// the committed history applies to an empty database and matches schema.prisma exactly,
// `db push` works, and `migrate dev` can author a new migration (shadow database included).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, hasPendingMigrations } from "./apply-migrations";
import { createDatabase, dropDatabase, withDatabase } from "./database-admin";
import { REPO_ROOT, runPrismaCli } from "../cli/run-prisma-cli";
import "@perflab/testkit/provided-context";

const serverUrl = inject("testServerUrl");
const created: string[] = [];

async function emptyDatabase(label: string): Promise<string> {
  const name = `perflab_mig_${label}_${process.pid}_${Date.now().toString(36)}`;
  created.push(name);
  return createDatabase(serverUrl, name);
}

/** The first column of every row of `sql`, run on its own connection. */
async function queryColumn(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query({ text: sql, rowMode: "array" });
    return result.rows.map((row: string[]) => row[0]!);
  } finally {
    await client.end();
  }
}

const listTables = (url: string) => queryColumn(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
const listShadowDatabases = () => queryColumn(withDatabase(serverUrl, "postgres"), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
});

describe("migrations", () => {
  it("migrate deploy applies every committed migration to an empty database", async () => {
    const url = await emptyDatabase("deploy");
    const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl: url });
    expect(result.output).toContain("All migrations have been successfully applied");
    expect(result.exitCode).toBe(0);
    const committed = readdirSync(join(REPO_ROOT, "prisma/migrations")).filter((name) => /^\d{14}_/.test(name));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name");
    await client.end();
    expect(applied.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(committed.sort());
    expect(await listTables(url)).toEqual(expect.arrayContaining(["users", "setup_tokens", "instance_settings"]));
  });

  it("knows when nothing is pending, so warm starts skip the CLI", async () => {
    const url = await emptyDatabase("pending");
    expect(await hasPendingMigrations(url)).toBe(true);
    expect(await applyMigrations(url)).toBe(true);
    expect(await hasPendingMigrations(url)).toBe(false);
    expect(await applyMigrations(url)).toBe(false);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE _prisma_migrations SET finished_at = NULL"); // a failed migration
    await client.end();
    expect(await hasPendingMigrations(url)).toBe(true);
  });

  it("the committed migrations produce exactly schema.prisma (no forgotten migration)", async () => {
    const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"];
    const result = await runPrismaCli(args, { databaseUrl: withDatabase(serverUrl, "postgres") });
    expect(result.output).not.toContain("CREATE");
    expect(result.exitCode).toBe(0);
  });

  it("the same check fails when the schema has a model no migration creates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perflab-schema-"));
    try {
      const schema = readFileSync(join(REPO_ROOT, "prisma/schema.prisma"), "utf8");
      writeFileSync(join(dir, "schema.prisma"), `${schema}\nmodel Probe {\n  id Int @id\n}\n`);
      const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", join(dir, "schema.prisma"), "--exit-code", "--script"];
      const result = await runPrismaCli(args, { databaseUrl: withDatabase(serverUrl, "postgres") });
      expect(result.exitCode).toBe(2);
      expect(result.output).toContain('CREATE TABLE "Probe"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("db push creates the schema on an empty database", async () => {
    const url = await emptyDatabase("push");
    const result = await runPrismaCli(["db", "push"], { databaseUrl: url });
    expect(result.exitCode, result.output).toBe(0);
    expect(await listTables(url)).toEqual(expect.arrayContaining(["users", "setup_tokens", "instance_settings"]));
  });

  it("migrate dev authors a new migration through a shadow database and leaves none behind", async () => {
    const url = await emptyDatabase("dev");
    const project = mkdtempSync(join(tmpdir(), "perflab-migrate-dev-"));
    try {
      cpSync(join(REPO_ROOT, "prisma/migrations"), join(project, "migrations"), { recursive: true });
      const schema = readFileSync(join(REPO_ROOT, "prisma/schema.prisma"), "utf8").replace(/generator client \{[\s\S]*?\}\n/, "");
      writeFileSync(join(project, "schema.prisma"), `${schema}\nmodel Probe {\n  id Int @id\n  label String\n}\n`);
      writeFileSync(
        join(project, "prisma.config.ts"),
        `export default { schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL } };\n`,
      );
      const result = await runPrismaCli(["migrate", "dev", "--name", "add_probe", "--config", join(project, "prisma.config.ts")], { databaseUrl: url });
      expect(result.exitCode, result.output).toBe(0);
      const authored = readdirSync(join(project, "migrations")).find((name) => name.endsWith("_add_probe"));
      expect(authored).toBeDefined();
      expect(readFileSync(join(project, "migrations", authored!, "migration.sql"), "utf8")).toContain('CREATE TABLE "Probe"');
      expect(await listTables(url)).toContain("Probe");
      expect(await listShadowDatabases()).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
