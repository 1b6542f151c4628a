// A plain GET form: search works without JavaScript and results have shareable URLs.
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/curriculum/search" method="get" role="search" className="flex max-w-xl gap-2">
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        aria-label="Search the curriculum"
        placeholder="softnet_stat, PSI, MemAvailable…"
        className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-500 focus:ring-1 focus:ring-emerald-500 focus:outline-none"
      />
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
        Search
      </button>
    </form>
  );
}
