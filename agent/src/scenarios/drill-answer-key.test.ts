// Every scenario an agent can run can also be a workshop drill: the answer key that grades
// learners' diagnoses must name the mechanism of each scenario, and of each variant.
import { expectedDrillMechanism } from "@perflab/protocol";
import { describe, expect, it } from "vitest";
import { SCENARIO_CATALOGUE } from "./catalogue.generated";

describe("the drill answer key", () => {
  it.each(SCENARIO_CATALOGUE.map((entry) => [entry.manifest.id, entry.manifest] as const))("knows %s and its variants", (_id, manifest) => {
    expect(expectedDrillMechanism(manifest.id, null)).toBeDefined();
    for (const variant of manifest.variants ?? []) expect(expectedDrillMechanism(manifest.id, variant.name), variant.name).toBeDefined();
  });
});
