"use client";
// The instructor's live view: learners × the workshop's topics, and each learner's lab
// machine (connected or not, the scenario it runs, a thumbnail of its last minute). The
// matrix itself is kept fresh by useWorkshopMatrix; thumbnails come from the digests.
import Link from "next/link";
import { MachineThumbnail } from "./machine-thumbnail";
import type { TThumbnailPoint } from "./machine-thumbnails";
import type { TCell, TMatrix } from "./use-workshop-matrix";

const CELL_STYLE: Record<TCell, string> = { NOT_STARTED: "bg-slate-100 text-slate-500", IN_PROGRESS: "bg-amber-100 text-amber-900", COMPLETED: "bg-emerald-600 text-white" };
const CELL_TEXT: Record<TCell, string> = { NOT_STARTED: "–", IN_PROGRESS: "reading", COMPLETED: "done" };

interface TProgressMatrixProps {
  matrix: TMatrix | null;
  problem: string | null;
  isLive: boolean;
  thumbnails: ReadonlyMap<string, readonly TThumbnailPoint[]>;
}

export function ProgressMatrix({ matrix, problem, isLive, thumbnails }: TProgressMatrixProps) {
  if (!matrix) return <p className="text-sm text-slate-500">{problem ?? "Loading progress…"}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="progress-matrix" data-live={isLive}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Learner</th>
            {matrix.topicIds.map((topicId) => (
              <th key={topicId} className="px-3 py-2 font-medium">
                <Link href={`/curriculum/topics/${topicId}`} className="hover:underline">
                  {topicId}
                </Link>
              </th>
            ))}
            <th className="px-3 py-2 font-medium">Lab machine (last minute: CPU busy, highest PSI)</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.userId} className="border-t border-slate-100" data-testid="matrix-row" data-learner={row.name}>
              <td className="px-3 py-2">
                {row.name}
                {row.stuck ? (
                  <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700" data-testid="stuck">
                    stuck: {row.stuck}
                  </span>
                ) : null}
              </td>
              {matrix.topicIds.map((topicId) => {
                const cell = row.cells[topicId] ?? "NOT_STARTED";
                return (
                  <td key={topicId} className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${CELL_STYLE[cell]}`} data-testid={`cell-${topicId}`}>
                      {CELL_TEXT[cell]}
                    </span>
                  </td>
                );
              })}
              <td className="px-3 py-2">
                {row.machine ? (
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="inline-flex items-center gap-1.5 text-xs" data-testid="machine-state">
                      <span className={`h-2 w-2 rounded-full ${row.machine.isOnline ? "bg-emerald-500" : "bg-slate-300"}`} aria-hidden />
                      {row.machine.isOnline ? "online" : "offline"}
                    </span>
                    {row.machine.activeRun ? (
                      <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800" data-testid="machine-run">
                        {row.machine.activeRun.isDrill ? "drill: " : "running "}
                        {row.machine.activeRun.scenarioId}
                      </span>
                    ) : null}
                    <MachineThumbnail points={thumbnails.get(row.machine.id)} />
                    <Link href={`/labs/${row.machine.id}`} className="text-emerald-700 hover:underline">
                      live lab
                    </Link>
                  </div>
                ) : (
                  <span className="text-slate-400">none attached</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
