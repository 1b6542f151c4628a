// The Grafana dashboard shipped with the curriculum (content/dashboards/perflab-agent.json,
// explained in topic 8.1) must only query metrics the agent exports: perflab_<catalogue id>.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "./catalogue";

const DASHBOARD = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../content/dashboards/perflab-agent.json");
const exported = new Set([...METRIC_IDS].map((id) => `perflab_${id.replace(/[^a-zA-Z0-9_]/g, "_")}`));

function expressions(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) expressions(item, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "expr" || key === "query" || key === "definition") && typeof value === "string") found.push(value);
      else expressions(value, found);
    }
  }
  return found;
}

describe("Grafana dashboard for the agent", () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, "utf8")) as { panels?: unknown[]; title?: string };
  const queries = expressions(dashboard);

  it("is a dashboard with panels and queries", () => {
    expect(dashboard.title).toBeTruthy();
    expect(dashboard.panels?.length).toBeGreaterThan(5);
    expect(queries.length).toBeGreaterThan(10);
  });

  it("queries only metrics the agent exports", () => {
    const referenced = new Set(queries.flatMap((query) => query.match(/\bperflab_[a-z0-9_]+/g) ?? []));
    expect([...referenced].filter((name) => !exported.has(name))).toEqual([]);
  });
});
