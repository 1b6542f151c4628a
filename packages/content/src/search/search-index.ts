// Full-text search over the curriculum, built once in memory (40 documents, a few MB of
// text). Every query word must occur in a part for it to match (prefix match for the last
// word, so results appear while typing); parts are ranked by tf-idf with title and summary
// weighted up, and each hit links to the part's heading anchor.
import GithubSlugger from "github-slugger";
import type { TCurriculum } from "../curriculum";

export interface TSearchHit {
  topicId: string;
  slug: string;
  topicTitle: string;
  partTitle: string | null;
  /** Heading anchor of the part (as rendered), null for the topic's header. */
  anchor: string | null;
  snippet: string;
  score: number;
}

export interface TSearchIndex {
  search: (query: string, limit?: number) => TSearchHit[];
}

interface TIndexedPart {
  topicId: string;
  slug: string;
  topicTitle: string;
  partTitle: string | null;
  anchor: string | null;
  lines: string[];
  termCounts: Map<string, number>;
  weight: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const HEADER_WEIGHT = 5;
const SNIPPET_CHARS = 180;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).filter((token) => token.length > 1 || /\d/.test(token));
}

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function plain(line: string): string {
  return line.replace(/[`*_>#|]/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim();
}

function makeSnippet(lines: string[], terms: string[]): string {
  const line = lines.map(plain).find((candidate) => terms.some((term) => candidate.toLowerCase().includes(term))) ?? plain(lines.find((candidate) => plain(candidate)) ?? "");
  const position = Math.max(0, line.toLowerCase().indexOf(terms[0] ?? "") - 60);
  const excerpt = line.slice(position, position + SNIPPET_CHARS);
  return `${position > 0 ? "…" : ""}${excerpt}${position + SNIPPET_CHARS < line.length ? "…" : ""}`;
}

export function buildSearchIndex(curriculum: TCurriculum): TSearchIndex {
  const parts: TIndexedPart[] = [];
  for (const topic of curriculum.topics) {
    const slugger = new GithubSlugger();
    const header = [topic.title, topic.summary, ...topic.objectives];
    parts.push({ topicId: topic.id, slug: topic.slug, topicTitle: topic.title, partTitle: null, anchor: null, lines: header, termCounts: countTerms(`${topic.id} ${header.join(" ")}`), weight: HEADER_WEIGHT });
    for (const part of topic.parts) {
      const lines = [part.title, ...part.lines];
      parts.push({ topicId: topic.id, slug: topic.slug, topicTitle: topic.title, partTitle: part.title, anchor: slugger.slug(plain(part.title)), lines, termCounts: countTerms(lines.join("\n")), weight: 1 });
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const part of parts) for (const term of part.termCounts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vocabulary = [...documentFrequency.keys()];

  return {
    search(query, limit = 20) {
      const words = tokenize(query);
      if (words.length === 0) return [];
      // The last word may be unfinished: expand it to the vocabulary terms it begins.
      const last = words.at(-1)!;
      const lastExpansions = vocabulary.filter((term) => term.startsWith(last));
      const alternatives = [...words.slice(0, -1).map((word) => [word]), lastExpansions.length ? lastExpansions : [last]];
      const bestByTopic = new Map<string, TSearchHit>();
      for (const part of parts) {
        let score = 0;
        const matched: string[] = [];
        for (const options of alternatives) {
          const hits = options.filter((term) => part.termCounts.has(term));
          if (hits.length === 0) {
            score = 0;
            break;
          }
          for (const term of hits) {
            const idf = Math.log(1 + parts.length / (documentFrequency.get(term) ?? 1));
            score += (1 + Math.log(part.termCounts.get(term)!)) * idf;
          }
          matched.push(hits[0]!);
        }
        if (score === 0) continue;
        score *= part.weight;
        const current = bestByTopic.get(part.topicId);
        if (!current || score > current.score) {
          bestByTopic.set(part.topicId, { topicId: part.topicId, slug: part.slug, topicTitle: part.topicTitle, partTitle: part.partTitle, anchor: part.anchor, snippet: makeSnippet(part.lines, matched), score: Math.round(score * 100) / 100 });
        }
      }
      return [...bestByTopic.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
