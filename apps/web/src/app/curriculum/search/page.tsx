// "/curriculum/search?q=…" – full-text search across the curriculum, linking to the part.
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { SearchBox } from "../search-box";

export const metadata = { title: "Search the curriculum" };

const MAX_QUERY_LENGTH = 200;

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = (typeof q === "string" ? q : "").slice(0, MAX_QUERY_LENGTH);
  const hits = query ? getCurriculum().search.search(query) : [];
  return (
    <>
      <PageHeader title="Search the curriculum" />
      <SearchBox defaultValue={query} />
      {query ? (
        <p className="mt-6 text-sm text-slate-500">
          {hits.length} topic{hits.length === 1 ? "" : "s"} match “{query}”
        </p>
      ) : null}
      <ol className="mt-4 space-y-4" data-testid="search-results">
        {hits.map((hit) => (
          <li key={hit.topicId} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`/curriculum/topics/${hit.topicId}${hit.anchor ? `#${hit.anchor}` : ""}`} className="font-medium text-emerald-700 hover:underline">
              {hit.topicId} {hit.topicTitle}
              {hit.partTitle ? <span className="text-slate-500"> › {hit.partTitle}</span> : null}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{hit.snippet}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
