// "/curriculum" – the sections of the curriculum with their topics, readable without an account.
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { TopicStatusBadge } from "@/components/progress/topic-status-badge";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getOwnTopicStatuses } from "@/server/progress/learner-statuses";
import { SearchBox } from "./search-box";

export const metadata = { title: "Curriculum" };

export default async function CurriculumPage() {
  const statuses = await getOwnTopicStatuses();
  const { toc } = getCurriculum();
  return (
    <>
      <PageHeader title="Curriculum">From Linux foundations to incident forensics: read a topic, run its scenario on a lab machine, watch the kernel react.</PageHeader>
      <div className="mb-8">
        <SearchBox />
      </div>
      {toc.length === 0 ? (
        <EmptyState title="No sections yet">The curriculum is read from content/docs; none of its sections is present on this instance.</EmptyState>
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2" data-testid="section-list">
          {toc.map((section) => (
            <li key={section.folder} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="font-mono text-xs text-slate-500">
                Section {section.section} · {section.topics.length} topics · {section.minutes} min
              </p>
              <h2 className="mt-1 font-semibold">
                <Link href={`/curriculum/sections/${section.section}`} className="hover:underline">
                  {section.title}
                </Link>
              </h2>
              <p className="mt-2 text-sm text-slate-600">{section.summary}</p>
              <ul className="mt-3 space-y-1 text-sm">
                {section.topics.map((topic) => (
                  <li key={topic.id} data-testid={`toc-topic-${topic.id}`}>
                    <Link href={`/curriculum/topics/${topic.id}`} className="text-emerald-700 hover:underline">
                      {topic.id} {topic.title}
                    </Link>{" "}
                    <span className="text-slate-400">
                      · {topic.level} · {topic.minutes} min
                    </span>
                    {statuses ? <> <TopicStatusBadge status={statuses[topic.id] ?? "NOT_STARTED"} /></> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
