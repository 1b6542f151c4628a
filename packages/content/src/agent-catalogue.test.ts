import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_CATALOGUE_PATH, renderAgentCatalogue } from "./agent-catalogue";

const repositoryRoot = join(import.meta.dirname, "../../..");

describe("the agent's scenario catalogue", () => {
  it("is what content/scripts renders today (run `npm run scenarios:generate` after changing a scenario)", () => {
    const committed = readFileSync(join(repositoryRoot, AGENT_CATALOGUE_PATH), "utf8");
    expect(committed === renderAgentCatalogue(join(repositoryRoot, "content")), `${AGENT_CATALOGUE_PATH} is out of date: run npm run scenarios:generate`).toBe(true);
  });
});
