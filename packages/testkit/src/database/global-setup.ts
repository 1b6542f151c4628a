// Vitest global setup for integration tests: one server, one template database with every
// migration applied (through `prisma migrate deploy`, as production does). Each test file
// clones the template (CREATE DATABASE … TEMPLATE, ~50 ms) instead of migrating again.
import { applyMigrations, createDatabase, dropDatabase } from "@perflab/db/admin";
import type { TestProject } from "vitest/node";
import { startTestServer } from "./test-server";
import "./provided-context";

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const templateDatabase = `perflab_template_${process.pid}_${Date.now().toString(36)}`;
  const templateUrl = await createDatabase(server.url, templateDatabase);
  await applyMigrations(templateUrl);
  project.provide("testServerUrl", server.url);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    await dropDatabase(server.url, templateDatabase);
    await server.stop();
  };
}
