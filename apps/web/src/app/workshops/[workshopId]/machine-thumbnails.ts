"use client";
// The instructor's thumbnails: the last minute of each member machine's CPU busy and PSI,
// from the server's digests (about one a second per machine). Messages are collected as
// they come and the view re-renders once a second, not once per message (60 machines
// would mean 60 renders a second).
import { LIVE_EVENTS, type TLiveWorkshopMachine } from "@perflab/protocol";
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";

/** One minute of one-second points. */
export const THUMBNAIL_POINTS = 60;
const RENDER_EVERY_MS = 1000;

export type TThumbnailPoint = Omit<TLiveWorkshopMachine, "workshopId" | "machineId">;

export function useMachineThumbnails(socket: Socket | null, workshopId: string): ReadonlyMap<string, readonly TThumbnailPoint[]> {
  const series = useRef(new Map<string, TThumbnailPoint[]>());
  const [snapshot, setSnapshot] = useState<ReadonlyMap<string, readonly TThumbnailPoint[]>>(new Map());
  useEffect(() => {
    if (!socket) return;
    let changed = false;
    const onDigest = ({ workshopId: of, machineId, ...point }: TLiveWorkshopMachine) => {
      if (of !== workshopId) return;
      const points = series.current.get(machineId) ?? [];
      if (points.length > 0 && points.at(-1)!.t >= point.t) return; // volatile messages may repeat after a resubscribe
      points.push(point);
      if (points.length > THUMBNAIL_POINTS) points.splice(0, points.length - THUMBNAIL_POINTS);
      series.current.set(machineId, points);
      changed = true;
    };
    socket.on(LIVE_EVENTS.workshopMachine, onDigest);
    const timer = setInterval(() => {
      if (!changed) return;
      changed = false;
      setSnapshot(new Map([...series.current].map(([machineId, points]) => [machineId, [...points]])));
    }, RENDER_EVERY_MS);
    return () => {
      socket.off(LIVE_EVENTS.workshopMachine, onDigest);
      clearInterval(timer);
    };
  }, [socket, workshopId]);
  return snapshot;
}
