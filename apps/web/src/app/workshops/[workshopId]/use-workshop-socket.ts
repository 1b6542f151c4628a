"use client";
// One /live connection per workshop page, subscribed to the workshop: the instructor's view
// (progress, machines, runs) or a learner's (announcements). Resubscribes after every
// reconnect, because rooms are per connection and the server checks again each time.
import { LIVE_EVENTS, NAMESPACES, type TAck, type TLiveWorkshopSubscribeAck } from "@perflab/protocol";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";

export interface TWorkshopSocket {
  socket: Socket | null;
  /** Subscribed right now (false while reconnecting or when refused). */
  isLive: boolean;
  /** Bumped at every successful subscribe: views refetch what they may have missed. */
  generation: number;
}

export function useWorkshopSocket(workshopId: string): TWorkshopSocket {
  // Made once, connected by the effect: listeners of other hooks attach to the same object.
  const [connection] = useState<Socket>(() => io(NAMESPACES.live, { transports: ["websocket"], withCredentials: true, autoConnect: false }));
  const [isLive, setLive] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const onConnect = () => {
      void (connection.emitWithAck(LIVE_EVENTS.workshopSubscribe, { workshopId }) as Promise<TAck<TLiveWorkshopSubscribeAck>>).then((answer) => {
        setLive("data" in answer);
        setGeneration((value) => value + 1);
      });
    };
    const onDisconnect = () => setLive(false);
    connection.on("connect", onConnect);
    connection.on("disconnect", onDisconnect);
    connection.connect();
    return () => {
      connection.off("connect", onConnect);
      connection.off("disconnect", onDisconnect);
      connection.disconnect();
    };
  }, [connection, workshopId]);
  return { socket: connection, isLive, generation };
}

/** Calls `handler` for each `event` of this workshop while mounted. */
export function useWorkshopEvent<T extends { workshopId: string }>(socket: Socket | null, workshopId: string, event: string, handler: (message: T) => void): void {
  useEffect(() => {
    if (!socket) return;
    const listener = (message: T) => {
      if (message.workshopId === workshopId) handler(message);
    };
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, workshopId, event, handler]);
}
