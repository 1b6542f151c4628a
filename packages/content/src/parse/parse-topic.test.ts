import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues";
import { parseTopicDocument } from "./parse-topic";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const valid = readFileSync(join(FIXTURES, "valid/docs/01-demo/1.2-second-topic.md"), "utf8");
const broken = (name: string) => readFileSync(join(FIXTURES, "broken", `${name}.md`), "utf8");
const FILE = "docs/01-demo/1.2-second-topic.md";
const SLUG = "1.2-second-topic";

function problems(text: string): string[] {
  return parseTopicDocument(text, FILE, SLUG).issues.map(formatIssue);
}

describe("parseTopicDocument", () => {
  it("parses a valid document: front matter, parts, blocks, counts", () => {
    const { document, issues } = parseTopicDocument(valid, FILE, SLUG);
    expect(issues).toEqual([]);
    expect(document).toMatchObject({ id: "1.2", section: 1, level: "foundation", prerequisites: ["1.1"], wordCount: 29, referenceCount: 3 });
    expect(document!.parts.map((part) => part.title)).toEqual(["Why it matters", "1.2.1 Alpha Things", "1.2.2 Beta & Gamma", "Hands-on exercises", "Failure scenarios", "Debugging workflow", "Best practices", "Check your understanding", "References"]);
    expect(document!.exercises.map((exercise) => [exercise.id, exercise.scenario, exercise.line])).toEqual([["read-alpha", "demo-load", 38], ["watch-beta", undefined, 47]]);
    expect(document!.quiz!.questions).toHaveLength(4);
    expect(document!.fieldLines.scenarios).toBe(16);
  });

  it("a missing part is named once, where it belongs", () => {
    expect(problems(broken("missing-part"))).toEqual([`${FILE}:68 (parts): missing the part "## Best practices"`]);
  });

  it("a bad id points at its line and field", () => {
    expect(problems(broken("bad-id"))).toEqual([`${FILE}:2 (id): must be a topic id like "2.3" (quoted)`]);
  });

  it("a malformed quiz reports every problem on its own line", () => {
    expect(problems(broken("malformed-quiz"))).toEqual([`${FILE}:87 (quiz.2.answer): is not the index of one of the choices`, `${FILE}:90 (quiz.3.colour): unknown key colour`]);
  });

  it.each([
    ["no front matter", "# Title\n", `${FILE}:1: missing front matter: the file must start with a --- block`],
    ["invalid YAML", "---\nid: [\n---\n", `${FILE}:2 (front matter): is not valid YAML`],
    ["an unknown key", valid.replace("kernel:", "colour: red\nkernel:"), `${FILE}:17 (colour): unknown key colour`],
    ["a file name that disagrees with the id", valid.replace('id: "1.2"', 'id: "1.3"'), `${FILE}:2 (id): is "1.3" but the file name starts with "1.2"`],
    ["a subtopic part out of order", valid.replace("## 1.2.1 Alpha Things", "## Interlude").replace("## 1.2.2 Beta & Gamma", "## 1.2.2 Beta & Gamma\n\n## 1.2.1 Alpha Things"), `${FILE}:32 (parts): the part for subtopic 1.2.2 is out of order`],
    ["a closing part out of order", valid.replace("## Failure scenarios", "## Best practices TEMP").replace("## Best practices\n", "## Failure scenarios\n").replace("## Best practices TEMP", "## Best practices"), '(parts): "## Failure scenarios" is out of order'],
    ["an unexpected closing part", valid.replace("## Best practices", "## Tips\n\n## Best practices"), '(parts): unexpected part "## Tips" among the closing parts'],
    ["two quizzes", valid.replace("## References", "```quiz\n- id: q1\n  question: again\n  choices: [a, b]\n  answer: 0\n  explain: x\n```\n\n## References"), "(quiz): a document has exactly one quiz block, found 2"],
    ["a subtopic part with the wrong title", valid.replace("## 1.2.2 Beta & Gamma", "## 1.2.2 Delta"), 'should be titled "1.2.2 Beta & Gamma"'],
    ["too few exercises", valid.replace(/```exercise\nid: watch-beta[\s\S]*?```\n/, ""), '"## Hands-on exercises" needs at least 2 exercise blocks, found 1'],
    ["too few references", valid.replace("- A book, chapter 3\n", ""), "(references): needs at least 3 entries (list items), found 2"],
    ["an exercise check without threshold", valid.replace("  threshold: 2\n", ""), `${FILE}:54 (exercise.check.threshold): above/below need a threshold`],
    ["a duplicate exercise id", valid.replace("id: watch-beta", "id: read-alpha"), `${FILE}:47 (exercise.id): "read-alpha" is already used by the exercise on line 38`],
  ])("reports %s precisely", (_case, text, expected) => {
    expect(problems(text).join("\n")).toContain(expected);
  });
});
