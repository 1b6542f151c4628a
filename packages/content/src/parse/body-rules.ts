// The body structure of ../shared/CONTENT-GUIDE.md: "Why it matters", one part per
// subtopic (in front-matter order, headed with its id), then the six fixed parts in order;
// at least two exercises in "Hands-on exercises", one quiz in "Check your understanding",
// at least three entries in "References". Extra parts may only sit among the mechanism
// parts, before "Hands-on exercises".
import type { TContentIssue } from "../issues";
import type { TTopicFrontMatter } from "../schemas";
import { countListItems, type TPart } from "./markdown-structure";
import type { TParsedBlocks } from "./parse-blocks";

export const OPENING_PART = "Why it matters";
export const CLOSING_PARTS = ["Hands-on exercises", "Failure scenarios", "Debugging workflow", "Best practices", "Check your understanding", "References"] as const;
export const MIN_EXERCISES = 2;
export const MIN_REFERENCES = 3;

const normalise = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

function partContaining(parts: TPart[], line: number): TPart | undefined {
  return parts.find((part) => part.line <= line && line <= part.endLine);
}

export function checkBodyRules(
  file: string,
  frontMatter: TTopicFrontMatter,
  parts: TPart[],
  blocks: Pick<TParsedBlocks, "exerciseBlockLines" | "quizBlockLines">,
  bodyFirstLine: number,
): TContentIssue[] {
  const issues: TContentIssue[] = [];
  const report = (line: number, field: string, message: string) => issues.push({ file, line, field, message });

  if (parts[0]?.title !== OPENING_PART) report(parts[0]?.line ?? bodyFirstLine, "parts", `the first part must be "## ${OPENING_PART}"${parts[0] ? `, found "## ${parts[0].title}"` : ""}`);

  const closingStart = parts.findIndex((part) => part.title === CLOSING_PARTS[0]);
  const middle = closingStart < 0 ? parts.slice(1) : parts.slice(1, closingStart);
  const closing = closingStart < 0 ? [] : parts.slice(closingStart);

  // Subtopic parts, in order, each headed "<id> <title>".
  let searchFrom = 0;
  for (const subtopic of frontMatter.subtopics) {
    const index = middle.findIndex((part, i) => i >= searchFrom && part.title.startsWith(`${subtopic.id} `));
    if (index < 0) {
      const elsewhere = middle.find((part) => part.title.startsWith(`${subtopic.id} `));
      report(elsewhere?.line ?? middle[searchFrom]?.line ?? bodyFirstLine, "parts", elsewhere ? `the part for subtopic ${subtopic.id} is out of order (subtopics follow the front matter order)` : `missing the part "## ${subtopic.id} ${subtopic.title}"`);
      continue;
    }
    const part = middle[index]!;
    if (normalise(part.title.slice(subtopic.id.length)) !== normalise(subtopic.title)) {
      report(part.line, "parts", `the part "## ${part.title}" should be titled "${subtopic.id} ${subtopic.title}" as in the front matter`);
    }
    searchFrom = index + 1;
  }
  for (const part of middle) {
    const id = /^(\d+\.\d+\.\d+)\s/.exec(part.title)?.[1];
    if (id && !frontMatter.subtopics.some((subtopic) => subtopic.id === id)) report(part.line, "parts", `the part "## ${part.title}" names subtopic ${id}, which the front matter does not list`);
  }

  // The fixed closing parts: each present once, in order, nothing else among them. A
  // missing part is reported once, where it belongs (not as an ordering error of the rest).
  const expected: readonly string[] = CLOSING_PARTS;
  CLOSING_PARTS.forEach((title, index) => {
    if (closing.some((part) => part.title === title)) return;
    const nextPresent = closing.find((part) => expected.indexOf(part.title) > index);
    report(nextPresent?.line ?? parts.at(-1)?.endLine ?? bodyFirstLine, "parts", `missing the part "## ${title}"${closingStart < 0 && index === 0 ? ' (the closing parts start with it)' : ""}`);
  });
  let highestSeen = -1;
  for (const part of closing) {
    const index = expected.indexOf(part.title);
    if (index < 0) report(part.line, "parts", `unexpected part "## ${part.title}" among the closing parts (${CLOSING_PARTS.join(", ")})`);
    else if (index < highestSeen) report(part.line, "parts", `"## ${part.title}" is out of order (expected: ${CLOSING_PARTS.join(", ")})`);
    else highestSeen = index;
  }

  const handsOn = parts.find((part) => part.title === "Hands-on exercises");
  const inHandsOn = blocks.exerciseBlockLines.filter((line) => partContaining(parts, line) === handsOn);
  if (handsOn && inHandsOn.length < MIN_EXERCISES) report(handsOn.line, "exercise", `"## Hands-on exercises" needs at least ${MIN_EXERCISES} exercise blocks, found ${inHandsOn.length}`);

  const quizPart = parts.find((part) => part.title === "Check your understanding");
  const quizLines = blocks.quizBlockLines;
  if (quizLines.length !== 1) report(quizLines[1] ?? quizPart?.line ?? bodyFirstLine, "quiz", `a document has exactly one quiz block, found ${quizLines.length}`);
  else if (quizPart && partContaining(parts, quizLines[0]!) !== quizPart) report(quizLines[0]!, "quiz", 'the quiz belongs in "## Check your understanding"');

  const references = parts.find((part) => part.title === "References");
  if (references) {
    const count = countListItems(references.lines);
    if (count < MIN_REFERENCES) report(references.line, "references", `needs at least ${MIN_REFERENCES} entries (list items), found ${count}`);
  }
  return issues;
}
