// "/curriculum" – the sections of the curriculum, readable without an account.
import { readSections } from "@perflab/content";
import { resolve } from "node:path";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { getServerEnv } from "@/env";

export const metadata = { title: "Curriculum" };

export default function CurriculumPage() {
  const sections = readSections(resolve(getServerEnv().PERFLAB_CONTENT_DIR));
  return (
    <>
      <PageHeader title="Curriculum">From Linux foundations to incident forensics: read a topic, run its scenario on a lab machine, watch the kernel react.</PageHeader>
      {sections.length === 0 ? (
        <EmptyState title="No sections yet">The curriculum is read from content/docs; none of its sections is present on this instance.</EmptyState>
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2" data-testid="section-list">
          {sections.map((section) => (
            <li key={section.folder} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="font-mono text-xs text-slate-500">Section {section.section}</p>
              <h2 className="mt-1 font-semibold">{section.title}</h2>
              <p className="mt-2 text-sm text-slate-600">{section.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
