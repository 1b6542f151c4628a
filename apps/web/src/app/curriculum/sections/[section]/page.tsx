// "/curriculum/sections/2" – a section's overview and its topics in reading order.
import Link from "next/link";
import { notFound } from "next/navigation";
import { TopicStatusBadge } from "@/components/progress/topic-status-badge";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getOwnTopicStatuses } from "@/server/progress/learner-statuses";
import { renderMarkdown } from "@/server/curriculum/render-topic";

const renderedOverviews = new Map<number, string>();

export default async function SectionPage({ params }: { params: Promise<{ section: string }> }) {
  const number = Number((await params).section);
  const { curriculum, toc } = getCurriculum();
  const overview = curriculum.sections.find((section) => section.section === number);
  const entry = toc.find((section) => section.section === number);
  if (!overview || !entry) notFound();
  const statuses = await getOwnTopicStatuses();
  if (!renderedOverviews.has(number)) renderedOverviews.set(number, renderMarkdown(overview.body));
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_20rem]">
      <article className="topic-body prose prose-slate max-w-none">
        <p className="font-mono text-xs text-slate-500">
          <Link href="/curriculum">Curriculum</Link> · Section {number} · {entry.minutes} min
        </p>
        <div dangerouslySetInnerHTML={{ __html: renderedOverviews.get(number)! }} />
      </article>
      <aside>
        <h2 className="font-medium text-slate-900">Topics</h2>
        <ol className="mt-2 space-y-3" data-testid="section-topics">
          {entry.topics.map((topic) => (
            <li key={topic.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <Link href={`/curriculum/topics/${topic.id}`} className="font-medium text-emerald-700 hover:underline">
                {topic.id} {topic.title}
              </Link>
              <p className="mt-1 flex items-center gap-2 text-slate-500">
                {topic.level} · {topic.minutes} min {statuses ? <TopicStatusBadge status={statuses[topic.id] ?? "NOT_STARTED"} /> : null}
              </p>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
