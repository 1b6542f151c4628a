import { describe, expect, it } from "vitest";
import { prefixAgentLine } from "./agent-process";

describe("prefixAgentLine", () => {
  it("keeps the agent's own prefix and adds it to anything else it prints", () => {
    expect(prefixAgentLine("[agent] connected to http://127.0.0.1:3000")).toBe("[agent] connected to http://127.0.0.1:3000");
    expect(prefixAgentLine("perflab-agent: --server must be perflab's address")).toBe("[agent] perflab-agent: --server must be perflab's address");
    expect(prefixAgentLine("    at run (agent.mjs:1:2)")).toBe("[agent]     at run (agent.mjs:1:2)");
  });
});
