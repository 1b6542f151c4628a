// What an area shows before it has anything in it: what will appear here and how to get it.
import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
      <h2 className="font-medium text-slate-900">{title}</h2>
      <div className="mt-2 max-w-2xl text-sm text-slate-600">{children}</div>
    </div>
  );
}
