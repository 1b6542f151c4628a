// The loader on fixture trees, and `content:check` as a CLI on each broken fixture: it
// must fail with a precise message (the issue's "done when").
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTableOfContents, findNeighbours } from "./curriculum";
import { formatIssue } from "./issues";
import { loadCurriculum } from "./load-curriculum";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const CHECK_CLI = join(import.meta.dirname, "cli/check.ts");
const TSX = join(import.meta.dirname, "../../../node_modules/tsx/dist/cli.mjs");
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function rootWithBrokenSecondTopic(brokenFixture: string): string {
  const root = mkdtempSync(join(tmpdir(), "perflab-content-"));
  roots.push(root);
  cpSync(join(FIXTURES, "valid"), root, { recursive: true });
  copyFileSync(join(FIXTURES, "broken", `${brokenFixture}.md`), join(root, "docs/01-demo/1.2-second-topic.md"));
  return root;
}

describe("loadCurriculum", () => {
  it("loads the valid fixture with no issues and builds the table of contents", () => {
    const { curriculum, issues } = loadCurriculum(join(FIXTURES, "valid"));
    expect(issues.map(formatIssue)).toEqual([]);
    expect(buildTableOfContents(curriculum)).toEqual([
      expect.objectContaining({
        section: 1,
        folder: "01-demo",
        minutes: 60,
        topics: [expect.objectContaining({ id: "1.1", subtopics: [{ id: "1.1.1", title: "Alpha Things" }, { id: "1.1.2", title: "Beta & Gamma" }] }), expect.objectContaining({ id: "1.2" })],
      }),
    ]);
    expect(findNeighbours(curriculum, "1.1")).toMatchObject({ previous: null, next: { id: "1.2" } });
  });

  it("keeps loading the rest when one document is broken", () => {
    const { curriculum, issues } = loadCurriculum(rootWithBrokenSecondTopic("bad-id"));
    expect(curriculum.topics.map((topic) => topic.id)).toEqual(["1.1"]);
    expect(issues).toHaveLength(1);
  });
});

describe("npm run content:check", () => {
  it("passes on the valid fixture and prints the table", () => {
    const result = spawnSync(process.execPath, [TSX, CHECK_CLI, "--root", join(FIXTURES, "valid")], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1\.2 Second Topic\s+29\s+2\s+4\s+3\s+demo-load, planned-later\*/);
  });

  it.each([
    ["missing-part", 'docs/01-demo/1.2-second-topic.md:68 (parts): missing the part "## Best practices"'],
    ["bad-id", 'docs/01-demo/1.2-second-topic.md:2 (id): must be a topic id like "2.3" (quoted)'],
    ["unknown-scenario", 'docs/01-demo/1.2-second-topic.md:16 (scenarios): unknown scenario "no-such-scenario"'],
    ["malformed-quiz", "docs/01-demo/1.2-second-topic.md:87 (quiz.2.answer): is not the index of one of the choices"],
    ["unknown-metric", 'docs/01-demo/1.2-second-topic.md:54 (exercise.check.metric): unknown metric "sched.nope"'],
    ["missing-prerequisite", 'docs/01-demo/1.2-second-topic.md:12 (prerequisites): "9.9" is not a topic of the curriculum'],
  ])("fails on the broken fixture %s with a precise message", (fixture, message) => {
    const result = spawnSync(process.execPath, [TSX, CHECK_CLI, "--root", rootWithBrokenSecondTopic(fixture)], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
