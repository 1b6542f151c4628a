// The loaded curriculum and its table of contents: sections → topics → subtopics, in
// curriculum order, with previous/next neighbours for reading straight through.
import type { TSectionOverview } from "./parse/parse-section";
import type { TTopicDocument } from "./parse/parse-topic";
import type { TScenarioManifest } from "./schemas";

export interface TCurriculum {
  sections: TSectionOverview[];
  topics: TTopicDocument[];
  scenarios: TScenarioManifest[];
}

export interface TTocTopic {
  id: string;
  slug: string;
  title: string;
  summary: string;
  level: string;
  minutes: number;
  subtopics: { id: string; title: string }[];
}

export interface TTocSection {
  section: number;
  folder: string;
  title: string;
  summary: string;
  minutes: number;
  topics: TTocTopic[];
}

/** "2.10" sorts after "2.9": compare numerically, part by part. */
export function compareIds(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function buildTableOfContents(curriculum: TCurriculum): TTocSection[] {
  return [...curriculum.sections]
    .sort((a, b) => a.section - b.section)
    .map((section) => {
      const topics = curriculum.topics
        .filter((topic) => topic.section === section.section)
        .sort((a, b) => compareIds(a.id, b.id))
        .map((topic) => ({ id: topic.id, slug: topic.slug, title: topic.title, summary: topic.summary, level: topic.level, minutes: topic.minutes, subtopics: topic.subtopics }));
      return { section: section.section, folder: section.folder, title: section.title, summary: section.summary, minutes: topics.reduce((sum, topic) => sum + topic.minutes, 0), topics };
    });
}

export function findNeighbours(curriculum: TCurriculum, topicId: string): { previous: TTopicDocument | null; next: TTopicDocument | null } {
  const ordered = [...curriculum.topics].sort((a, b) => compareIds(a.id, b.id));
  const index = ordered.findIndex((topic) => topic.id === topicId);
  return { previous: index > 0 ? ordered[index - 1]! : null, next: index >= 0 && index < ordered.length - 1 ? ordered[index + 1]! : null };
}
