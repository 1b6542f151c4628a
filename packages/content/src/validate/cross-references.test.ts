import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues";
import { loadCurriculum } from "../load-curriculum";
import { checkCrossReferences } from "./cross-references";

const { curriculum } = loadCurriculum(join(import.meta.dirname, "../../fixtures/valid"));

describe("exercise variants", () => {
  const withVariant = (variant: string) => {
    const topics = curriculum.topics.map((topic) => ({ ...topic, exercises: topic.exercises.map((exercise) => (exercise.scenario === "demo-load" ? { ...exercise, variant } : exercise)) }));
    return checkCrossReferences({ sections: curriculum.sections, topics, scenarios: curriculum.scenarios }).map(formatIssue);
  };

  it("accepts a variant of the exercise's scenario and names the ones that exist otherwise", () => {
    expect(withVariant("many")).toEqual([]);
    expect(withVariant("oom")).toEqual([expect.stringContaining('(exercise.variant): "oom" is not a variant of demo-load (many)')]);
  });
});
