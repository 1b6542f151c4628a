"use client";
// The instructor view's matrix: refetched when the server says a learner progressed, a
// machine changed or a run moved (useFreshJson keeps it to one request a second).
import { LIVE_EVENTS } from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import { useFreshJson } from "./use-fresh-json";
import { useWorkshopEvent } from "./use-workshop-socket";

export type TCell = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";
export interface TMatrix {
  topicIds: string[];
  rows: {
    userId: string;
    name: string;
    machine: { id: string; name: string; isOnline: boolean; activeRun: { runId: string; scenarioId: string; isDrill: boolean } | null } | null;
    cells: Record<string, TCell>;
    stuck: string | null;
  }[];
}

export function useWorkshopMatrix(workshopId: string, socket: Socket | null, generation: number): { matrix: TMatrix | null; problem: string | null } {
  const { data, problem, refetchSoon } = useFreshJson<TMatrix>(`/api/workshops/${encodeURIComponent(workshopId)}/matrix`, generation, "the progress matrix");
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopProgress, refetchSoon);
  useWorkshopEvent(socket, workshopId, LIVE_EVENTS.workshopRunUpdate, refetchSoon);
  return { matrix: data, problem };
}
