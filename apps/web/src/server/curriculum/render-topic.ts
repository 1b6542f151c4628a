// A topic rendered for its page: Markdown chunks as HTML (GFM tables, highlighted code
// from highlight.js on the server, callouts, heading anchors) between the structured
// exercise and quiz blocks, which pages render as components. Rendered once per topic
// per process; the quiz keeps only what a learner may see before grading.
import { readBodyStructure, type TExercise, type TTopicDocument } from "@perflab/content";
import GithubSlugger from "github-slugger";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeHeadingAnchors, remarkCallouts, type THeading } from "./markdown-plugins";

export interface TPublicQuizQuestion {
  id: string;
  question: string;
  choices: string[];
}

export type TTopicSegment = { kind: "html"; html: string } | { kind: "exercise"; exercise: TExercise } | { kind: "quiz"; questions: TPublicQuizQuestion[] };

export interface TRenderedTopic {
  segments: TTopicSegment[];
  headings: THeading[];
}

// Console sessions read best highlighted as shell; unknown languages stay plain text.
const LANGUAGE_ALIASES = { bash: ["console", "sh", "shell"] };

export function renderMarkdown(markdown: string, slugger = new GithubSlugger(), headings: THeading[] = []): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkCallouts)
      .use(remarkRehype)
      .use(rehypeHeadingAnchors, { slugger, headings })
      .use(rehypeHighlight, { detect: false, aliases: LANGUAGE_ALIASES, plainText: ["text", "exercise", "quiz"] })
      .use(rehypeStringify)
      .processSync(markdown),
  );
}

export function toPublicQuiz(document: TTopicDocument): TPublicQuizQuestion[] {
  return (document.quiz?.questions ?? []).map(({ id, question, choices }) => ({ id, question, choices }));
}

function renderTopicUncached(document: TTopicDocument): TRenderedTopic {
  const bodyLines = document.body.split("\n");
  const toBodyIndex = (fileLine: number) => fileLine - document.bodyFirstLine;
  const slugger = new GithubSlugger();
  const headings: THeading[] = [];
  const segments: TTopicSegment[] = [];
  let chunkStart = 0;
  const flush = (end: number) => {
    const markdown = bodyLines.slice(chunkStart, end).join("\n");
    if (markdown.trim()) segments.push({ kind: "html", html: renderMarkdown(markdown, slugger, headings) });
  };
  for (const block of readBodyStructure(document.body, document.bodyFirstLine).blocks) {
    const exercise = block.info === "exercise" ? document.exercises.find((candidate) => candidate.line === block.line) : undefined;
    const isQuiz = block.info === "quiz" && document.quiz?.line === block.line;
    if (!exercise && !isQuiz) continue; // ordinary code, or a block that failed validation (shown as code)
    flush(toBodyIndex(block.line));
    segments.push(exercise ? { kind: "exercise", exercise } : { kind: "quiz", questions: toPublicQuiz(document) });
    chunkStart = toBodyIndex(block.endLine) + 1;
  }
  flush(bodyLines.length);
  return { segments, headings };
}

const cache = new Map<string, TRenderedTopic>();

export function renderTopic(document: TTopicDocument): TRenderedTopic {
  let rendered = cache.get(document.id);
  if (!rendered) {
    rendered = renderTopicUncached(document);
    cache.set(document.id, rendered);
  }
  return rendered;
}
