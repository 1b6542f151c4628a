"use client";
// The instructor's live view: learners × the workshop's topics. It refetches the matrix
// when the server says a learner progressed (/live, the workshop's room; at most once a
// second however many arrive) and once a minute (so "stuck" appears without any event).
import { LIVE_EVENTS, NAMESPACES, type TAck, type TLiveWorkshopProgress } from "@perflab/protocol";
import Link from "next/link";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";

type TCell = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";
interface TMatrix {
  topicIds: string[];
  rows: { userId: string; name: string; machineId: string | null; cells: Record<string, TCell>; stuck: string | null }[];
}

const CELL_STYLE: Record<TCell, string> = { NOT_STARTED: "bg-slate-100 text-slate-500", IN_PROGRESS: "bg-amber-100 text-amber-900", COMPLETED: "bg-emerald-600 text-white" };
const CELL_TEXT: Record<TCell, string> = { NOT_STARTED: "–", IN_PROGRESS: "reading", COMPLETED: "done" };
const REFRESH_EVERY_MS = 60_000;
const MIN_REFETCH_GAP_MS = 1000;

export function ProgressMatrix({ workshopId }: { workshopId: string }) {
  const [matrix, setMatrix] = useState<TMatrix | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let lastFetch = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const fetchMatrix = async () => {
      lastFetch = Date.now();
      const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/matrix`, { cache: "no-store" });
      if (!response.ok) return setProblem("Could not load the progress matrix");
      setMatrix(((await response.json()) as { data: TMatrix }).data);
      setProblem(null);
    };
    const refetchSoon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void fetchMatrix();
      }, Math.max(0, lastFetch + MIN_REFETCH_GAP_MS - Date.now()));
    };
    void fetchMatrix();
    const socket = io(NAMESPACES.live, { transports: ["websocket"], withCredentials: true });
    socket.on("connect", () => {
      void (socket.emitWithAck(LIVE_EVENTS.workshopSubscribe, { workshopId }) as Promise<TAck<unknown>>).then((answer) => {
        setLive("data" in answer);
        refetchSoon(); // whatever happened while disconnected
      });
    });
    socket.on("disconnect", () => setLive(false));
    socket.on(LIVE_EVENTS.workshopProgress, (message: TLiveWorkshopProgress) => {
      if (message.workshopId === workshopId) refetchSoon();
    });
    const timer = setInterval(refetchSoon, REFRESH_EVERY_MS);
    return () => {
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      socket.disconnect();
    };
  }, [workshopId]);

  if (!matrix) return <p className="text-sm text-slate-500">{problem ?? "Loading progress…"}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="progress-matrix" data-live={live}>
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
            <th className="px-3 py-2 font-medium">Lab</th>
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
                {row.machineId ? (
                  <Link href={`/labs/${row.machineId}`} className="text-emerald-700 hover:underline">
                    live lab
                  </Link>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
