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

  it("has the structure Grafana imports: export inputs, schema version, laid-out panels with datasource-bound targets", () => {
    const board = dashboard as unknown as {
      __inputs: { name: string; type: string; pluginId: string }[];
      schemaVersion: number;
      uid: string;
      time: { from: string; to: string };
      templating: { list: { name: string; type: string }[] };
      panels: { id: number; type: string; title: string; gridPos: Record<string, number>; datasource?: { uid: string }; targets?: { refId: string; expr: string; datasource?: { uid: string } }[] }[];
    };
    expect(board.__inputs).toContainEqual(expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" }));
    expect(board.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(board.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(board.time).toEqual({ from: expect.any(String), to: expect.any(String) });
    for (const variable of board.templating.list) expect(variable).toEqual(expect.objectContaining({ name: expect.any(String), type: expect.stringMatching(/^(query|custom|interval|datasource|constant|textbox|adhoc)$/) }));
    const ids = board.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of board.panels) {
      expect(["row", "stat", "timeseries", "gauge", "bargauge", "table", "heatmap", "text", "state-timeline"], panel.title).toContain(panel.type);
      for (const key of ["h", "w", "x", "y"]) expect(Number.isInteger(panel.gridPos[key]), `${panel.title} gridPos.${key}`).toBe(true);
      expect(panel.gridPos.x! + panel.gridPos.w!, panel.title).toBeLessThanOrEqual(24);
      if (panel.type === "row") continue;
      expect(panel.datasource?.uid, panel.title).toBe("${DS_PROMETHEUS}");
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      const refIds = panel.targets!.map((target) => target.refId);
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
      for (const target of panel.targets!) expect(target.expr.trim().length, panel.title).toBeGreaterThan(0);
    }
  });

  it("never applies rate() to perflab's gauges (they already are per-second rates)", () => {
    expect(queries.filter((query) => /\b(i?rate|increase)\(\s*perflab_/.test(query))).toEqual([]);
  });

  it("queries only metrics the agent exports", () => {
    const referenced = new Set(queries.flatMap((query) => query.match(/\bperflab_[a-z0-9_]+/g) ?? []));
    expect([...referenced].filter((name) => !exported.has(name))).toEqual([]);
  });
});
