import { describe, expect, it } from "vitest";
import { DRILL_ANSWER_KEY, DRILL_MECHANISMS, DRILL_SUBSYSTEMS, expectedDrillMechanism, gradeDrillDiagnosis } from "./drill-diagnoses";

describe("drill answer key", () => {
  it("names only mechanisms that exist, each under a listed subsystem", () => {
    const subsystems = new Set<string>(DRILL_SUBSYSTEMS.map((subsystem) => subsystem.id));
    for (const mechanism of DRILL_MECHANISMS) expect(subsystems.has(mechanism.subsystem)).toBe(true);
    for (const [scenario, mechanism] of Object.entries(DRILL_ANSWER_KEY)) expect(DRILL_MECHANISMS.some((known) => known.id === mechanism), scenario).toBe(true);
  });

  it("uses a variant's own mechanism and falls back to the scenario's", () => {
    expect(expectedDrillMechanism("cpu-starvation", null)?.id).toBe("run-queue-saturation");
    expect(expectedDrillMechanism("cpu-starvation", "cgroup-quota")?.id).toBe("cgroup-throttling");
    expect(expectedDrillMechanism("irq-storm", "unknown-variant")?.id).toBe("interrupt-storm");
    expect(expectedDrillMechanism("no-such-scenario", null)).toBeUndefined();
  });

  it("grades the mechanism, with the subsystem as partial credit", () => {
    const expected = expectedDrillMechanism("memory-pressure", "oom")!;
    expect(gradeDrillDiagnosis(expected, { subsystem: "memory", mechanism: "oom-kill" })).toEqual({ isCorrect: true, isSubsystemCorrect: true });
    expect(gradeDrillDiagnosis(expected, { subsystem: "memory", mechanism: "memory-reclaim" })).toEqual({ isCorrect: false, isSubsystemCorrect: true });
    expect(gradeDrillDiagnosis(expected, { subsystem: "cpu", mechanism: "run-queue-saturation" })).toEqual({ isCorrect: false, isSubsystemCorrect: false });
  });
});
