// The curriculum as the web app sees it: loaded, validated, indexed for search, once per
// process (content is read-only while the server runs). Problems are logged once, and
// the documents that loaded are served: one broken file never takes the others down.
import { buildSearchIndex, buildTableOfContents, formatIssue, loadCurriculum, type TContentIssue, type TCurriculum, type TSearchIndex, type TTocSection, type TTopicDocument } from "@perflab/content";
import { resolve } from "node:path";
import { getServerEnv } from "../../env";

export interface TLoadedCurriculum {
  curriculum: TCurriculum;
  toc: TTocSection[];
  search: TSearchIndex;
  issues: TContentIssue[];
  findTopic: (id: string) => TTopicDocument | undefined;
}

const CACHE_KEY = Symbol.for("perflab.curriculum");
type GlobalWithCurriculum = typeof globalThis & { [CACHE_KEY]?: TLoadedCurriculum };

export function getCurriculum(): TLoadedCurriculum {
  const holder = globalThis as GlobalWithCurriculum;
  const cached = holder[CACHE_KEY];
  if (cached) return cached;
  const { curriculum, issues } = loadCurriculum(resolve(getServerEnv().PERFLAB_CONTENT_DIR));
  for (const issue of issues) console.warn(`[content] ${formatIssue(issue)}`);
  const topicsById = new Map(curriculum.topics.map((topic) => [topic.id, topic]));
  const loaded: TLoadedCurriculum = {
    curriculum,
    toc: buildTableOfContents(curriculum),
    search: buildSearchIndex(curriculum),
    issues,
    findTopic: (id) => topicsById.get(id),
  };
  holder[CACHE_KEY] = loaded;
  return loaded;
}
