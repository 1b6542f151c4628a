// The format contract of ../shared/CONTENT-GUIDE.md as zod schemas: front matter of topic
// documents and section overviews, `exercise` and `quiz` blocks, scenario manifests.
// Unknown keys are errors (strict objects), so a typo never passes silently.
import { z } from "zod";

export const TOPIC_ID = /^\d{1,2}\.\d{1,2}$/;
export const SUBTOPIC_ID = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const ZTopicId = z.string().regex(TOPIC_ID, 'must be a topic id like "2.3" (quoted)');
const ZKebabId = z.string().regex(KEBAB_ID, "must be kebab-case, like softirq-backlog");
export const LEVELS = ["foundation", "intermediate", "advanced", "expert"] as const;

export const ZTopicFrontMatter = z.strictObject({
  id: ZTopicId,
  title: z.string().min(1),
  section: z.number().int().min(1).max(99),
  summary: z.string().min(1),
  level: z.enum(LEVELS),
  minutes: z.number().int().min(5).max(600),
  objectives: z.array(z.string().min(1)).min(3, "needs 3 to 6 objectives").max(6, "needs 3 to 6 objectives"),
  prerequisites: z.array(ZTopicId),
  subtopics: z.array(z.strictObject({ id: z.string().regex(SUBTOPIC_ID, 'must be a subtopic id like "2.3.1"'), title: z.string().min(1) })),
  scenarios: z.array(ZKebabId),
  kernel: z.string().min(1),
});
export type TTopicFrontMatter = z.infer<typeof ZTopicFrontMatter>;

export const ZSectionFrontMatter = z.strictObject({
  section: z.number().int().min(1).max(99),
  title: z.string().min(1),
  summary: z.string().min(1),
  /** Scenario ids the section's exercises expect; they may be written after the prose. */
  scenarios: z.array(ZKebabId).default([]),
});
export type TSectionFrontMatter = z.infer<typeof ZSectionFrontMatter>;

export const CHECK_CONDITIONS = ["increases", "above", "below"] as const;

export const ZExercise = z.strictObject({
  id: ZKebabId,
  title: z.string().min(1),
  scenario: ZKebabId.optional(),
  /** One of the scenario's variants (its preset parameters), for exercises about a variant: the run starts with it. */
  variant: ZKebabId.optional(),
  steps: z.array(z.string().min(1)).min(1, "needs at least one step"),
  expect: z.string().min(1),
  check: z
    .strictObject({
      metric: z.string().min(1),
      condition: z.enum(CHECK_CONDITIONS),
      threshold: z.number().optional(),
    })
    .refine((check) => check.condition === "increases" || check.threshold !== undefined, { message: "above/below need a threshold", path: ["threshold"] })
    .optional(),
});
export type TExercise = z.infer<typeof ZExercise>;

export const ZQuizQuestion = z
  .strictObject({
    id: z.string().regex(/^q\d+$/, "must be q1, q2, …"),
    question: z.string().min(1),
    choices: z.array(z.string().min(1)).min(2, "needs at least two choices").max(8),
    answer: z.number().int().min(0),
    explain: z.string().min(1),
  })
  .refine((question) => question.answer < question.choices.length, { message: "is not the index of one of the choices", path: ["answer"] });
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

export const MIN_QUIZ_QUESTIONS = 4;
export const ZQuiz = z.array(ZQuizQuestion).min(MIN_QUIZ_QUESTIONS, `needs at least ${MIN_QUIZ_QUESTIONS} questions`);

// Scenario manifests are read with the full schema of @perflab/protocol (agent and server use it too).
export type { TScenarioManifest } from "@perflab/protocol";
