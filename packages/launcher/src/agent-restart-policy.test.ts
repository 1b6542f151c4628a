import { describe, expect, it } from "vitest";
import { AGENT_EXIT_BAD_COMMAND_LINE, AGENT_EXIT_REFUSED, decideAfterAgentExit, describeAgentExit, HEALTHY_RUN_MS, MAX_RESTARTS_IN_A_ROW } from "./agent-restart-policy";

const crash = { code: 1, signal: null, ranForMs: 2_000 };

describe("decideAfterAgentExit", () => {
  it("restarts a crashed agent after a pause that doubles, up to a bound", () => {
    const delays: number[] = [];
    let failures = 0;
    for (let attempt = 0; attempt < MAX_RESTARTS_IN_A_ROW; attempt++) {
      const decision = decideAfterAgentExit(crash, failures);
      if (decision.action !== "restart") throw new Error(`expected a restart, got ${decision.action}`);
      delays.push(decision.delayMs);
      failures = decision.failuresInARow;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(decideAfterAgentExit(crash, failures)).toEqual({ action: "give-up", reason: "it failed 6 times in a row" });
  });

  it("starts the backoff over after a healthy run", () => {
    expect(decideAfterAgentExit({ ...crash, ranForMs: HEALTHY_RUN_MS }, 4)).toEqual({ action: "restart", delayMs: 1_000, failuresInARow: 1 });
  });

  it("restarts an agent killed by a signal (the OOM killer, a stray kill)", () => {
    expect(decideAfterAgentExit({ code: null, signal: "SIGKILL", ranForMs: 10 }, 0)).toMatchObject({ action: "restart" });
  });

  it("never restarts an agent the server refused, nor one whose command line is wrong", () => {
    expect(decideAfterAgentExit({ ...crash, code: AGENT_EXIT_REFUSED }, 0)).toEqual({ action: "refused" });
    expect(decideAfterAgentExit({ ...crash, code: AGENT_EXIT_BAD_COMMAND_LINE }, 0)).toMatchObject({ action: "give-up" });
  });
});

describe("describeAgentExit", () => {
  it("names the signal or the exit code", () => {
    expect(describeAgentExit({ code: null, signal: "SIGKILL" })).toBe("killed by SIGKILL");
    expect(describeAgentExit({ code: 1, signal: null })).toBe("exit 1");
  });
});
