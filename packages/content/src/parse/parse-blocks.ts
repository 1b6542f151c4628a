// The machine-readable blocks of a topic: ```exercise (one exercise) and ```quiz (the
// questions), YAML validated against the schemas, with errors on the offending line.
import type { z } from "zod";
import type { TContentIssue } from "../issues";
import { ZExercise, ZQuiz, type TExercise, type TQuizQuestion } from "../schemas";
import type { TFencedBlock } from "./markdown-structure";
import { parseYamlWithLines } from "./yaml-with-lines";
import { locateZodIssue } from "./zod-issue-location";

export interface TLocatedExercise extends TExercise {
  /** Line of the opening fence. */
  line: number;
  /** Lines of the fields that cross-reference checks report on. */
  scenarioLine: number;
  metricLine: number;
}

export interface TLocatedQuiz {
  questions: TQuizQuestion[];
  line: number;
}

function validateBlock<T>(block: TFencedBlock, file: string, schema: z.ZodType<T>, issues: TContentIssue[]): { value: T; lineOf: (path: readonly PropertyKey[]) => number } | null {
  const yaml = parseYamlWithLines(block.content, block.line + 1);
  if ("error" in yaml) {
    issues.push({ file, line: yaml.line, field: `${block.info} block`, message: `is not valid YAML: ${yaml.error}` });
    return null;
  }
  const parsed = schema.safeParse(yaml.value);
  if (parsed.success) return { value: parsed.data, lineOf: yaml.lineOf };
  for (const issue of parsed.error.issues) {
    const { path, message } = locateZodIssue(issue);
    issues.push({ file, line: yaml.lineOf(path), field: [block.info, ...path.map(String)].join("."), message });
  }
  return null;
}

export interface TParsedBlocks {
  exercises: TLocatedExercise[];
  quizzes: TLocatedQuiz[];
  /** Opening-fence lines of every exercise/quiz block, valid or not (for structure rules). */
  exerciseBlockLines: number[];
  quizBlockLines: number[];
}

export function parseBlocks(blocks: TFencedBlock[], file: string, issues: TContentIssue[]): TParsedBlocks {
  const exercises: TLocatedExercise[] = [];
  const quizzes: TLocatedQuiz[] = [];
  for (const block of blocks) {
    if (block.info === "exercise") {
      const parsed = validateBlock(block, file, ZExercise, issues);
      if (parsed) exercises.push({ ...parsed.value, line: block.line, scenarioLine: parsed.lineOf(["scenario"]), metricLine: parsed.lineOf(["check", "metric"]) });
    } else if (block.info === "quiz") {
      const parsed = validateBlock(block, file, ZQuiz, issues);
      if (parsed) quizzes.push({ questions: parsed.value, line: block.line });
    }
  }
  const seenExerciseIds = new Map<string, number>();
  for (const exercise of exercises) {
    const first = seenExerciseIds.get(exercise.id);
    if (first !== undefined) issues.push({ file, line: exercise.line, field: "exercise.id", message: `"${exercise.id}" is already used by the exercise on line ${first}` });
    else seenExerciseIds.set(exercise.id, exercise.line);
  }
  for (const quiz of quizzes) {
    const ids = quiz.questions.map((question) => question.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) issues.push({ file, line: quiz.line, field: "quiz.id", message: `question id "${duplicate}" is used twice` });
  }
  const linesOf = (info: string) => blocks.filter((block) => block.info === info).map((block) => block.line);
  return { exercises, quizzes, exerciseBlockLines: linesOf("exercise"), quizBlockLines: linesOf("quiz") };
}
