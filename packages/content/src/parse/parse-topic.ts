// Pure parsing of one topic document (text in, document and issues out). The file name
// must start with the topic id; the folder gives the section.
import type { TContentIssue } from "../issues";
import { ZTopicFrontMatter, type TTopicFrontMatter } from "../schemas";
import { checkBodyRules } from "./body-rules";
import { countListItems, countWords, readBodyStructure, type TPart } from "./markdown-structure";
import { parseBlocks, type TLocatedExercise, type TLocatedQuiz } from "./parse-blocks";
import { parseFrontMatter } from "./parse-front-matter";

export interface TTopicDocument extends TTopicFrontMatter {
  file: string;
  /** File name without .md, e.g. "2.3-interrupt-handling". */
  slug: string;
  /** Markdown after the front matter. */
  body: string;
  bodyFirstLine: number;
  parts: TPart[];
  exercises: TLocatedExercise[];
  quiz: TLocatedQuiz | null;
  /** Words of prose (fenced blocks excluded). */
  wordCount: number;
  referenceCount: number;
  /** Lines of the front matter's keys (e.g. fieldLines.prerequisites). */
  fieldLines: Record<string, number>;
}

export function parseTopicDocument(text: string, file: string, slug: string): { document: TTopicDocument | null; issues: TContentIssue[] } {
  const issues: TContentIssue[] = [];
  const parsed = parseFrontMatter(text, file, ZTopicFrontMatter, issues);
  if (!parsed) return { document: null, issues };
  const { frontMatter, split, lineOfKey } = parsed;
  const fieldLines = Object.fromEntries(Object.keys(frontMatter).map((key) => [key, lineOfKey(key)]));
  if (!slug.startsWith(`${frontMatter.id}-`)) issues.push({ file, line: lineOfKey("id"), field: "id", message: `is "${frontMatter.id}" but the file name starts with "${slug.split("-")[0]}"` });
  if (Number(frontMatter.id.split(".")[0]) !== frontMatter.section) issues.push({ file, line: lineOfKey("section"), field: "section", message: `is ${frontMatter.section} but topic ${frontMatter.id} belongs to section ${frontMatter.id.split(".")[0]}` });
  for (const subtopic of frontMatter.subtopics) {
    if (!subtopic.id.startsWith(`${frontMatter.id}.`)) issues.push({ file, line: lineOfKey("subtopics"), field: "subtopics", message: `${subtopic.id} is not a subtopic of ${frontMatter.id}` });
  }

  const structure = readBodyStructure(split.body, split.bodyFirstLine);
  const blocks = parseBlocks(structure.blocks, file, issues);
  const { exercises, quizzes } = blocks;
  issues.push(...checkBodyRules(file, frontMatter, structure.parts, blocks, split.bodyFirstLine));
  const references = structure.parts.find((part) => part.title === "References");
  const document: TTopicDocument = {
    ...frontMatter,
    file,
    slug,
    body: split.body,
    bodyFirstLine: split.bodyFirstLine,
    parts: structure.parts,
    exercises,
    quiz: quizzes[0] ?? null,
    wordCount: countWords(structure.proseLines),
    referenceCount: references ? countListItems(references.lines) : 0,
    fieldLines,
  };
  return { document, issues };
}
