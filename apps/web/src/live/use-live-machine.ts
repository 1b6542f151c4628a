// The lab page's connection to one machine over /live: subscribe (with the window's
// history), take live samples into a LiveMachineFeed, resync the last minutes every 30 s
// so a dropped volatile message cannot leave a chart wrong, subscribe again after a
// reconnect, and fetch older history when the window widens. Charts re-render at most
// once per animation frame however many batches arrive, and not at all in a hidden tab
// (browsers pause animation frames there); the feed's stores are bounded, so a tab left
// open for hours holds the same memory as after its first hour.
"use client";
import {
  LIVE_EVENTS, LIVE_MAX_HISTORY_SECONDS, NAMESPACES, type TAck, type TLiveSamples, type TLiveScenarioEvent, type TLiveScenarioStart, type TLiveScenarioVerdict, type TLiveSubscribeAck,
  type TMachineState, type TSample, type TSamplingRequest, type TSamplingState,
} from "@perflab/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { LiveMachineFeed } from "./live-machine-feed";
import { applyScenarioEvent, applyScenarioVerdict, startedRun, type TScenarioRunView } from "./scenario-run-state";

const RESYNC_EVERY_MS = 30_000;
const RESYNC_SPAN_MS = 90_000;
const REQUEST_TIMEOUT_MS = 20_000;

export type TConnection = "connecting" | "live" | "reconnecting" | "refused";

export interface TLiveMachine {
  feed: LiveMachineFeed;
  /** Changes when the feed has new data to draw. */
  version: number;
  connection: TConnection;
  state: TMachineState | null;
  /** The last error a request got back, in words. */
  problem: string | null;
  /** Makes sure the feed holds history back to fromMs (a wider window, scrubbing back). */
  ensureHistoryFrom: (fromMs: number) => void;
  setSampling: (request: TSamplingRequest) => Promise<TAck<TSamplingState>>;
  /** The scenario run this page follows (started here, or seen running). */
  scenarioRun: TScenarioRunView | null;
  startScenario: (request: Omit<TLiveScenarioStart, "machineId">) => Promise<TAck<{ runId: string }>>;
  stopScenario: (runId: string) => Promise<TAck<{ stopping: true }>>;
}

function describeAckError(ack: TAck<unknown>): string | null {
  return "error" in ack ? ack.error.message : null;
}

export function useLiveMachine(machineId: string, initialWindowSeconds: number): TLiveMachine {
  // One feed per page for its lifetime; it is mutated in place and `version` says when.
  const [feed] = useState(() => new LiveMachineFeed());
  const socketRef = useRef<Socket | null>(null);
  const [version, setVersion] = useState(0);
  const [connection, setConnection] = useState<TConnection>("connecting");
  const [state, setState] = useState<TMachineState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [scenarioRun, setScenarioRun] = useState<TScenarioRunView | null>(null);
  const frameRef = useRef<number | null>(null);

  const redraw = useCallback(() => {
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      setVersion((current) => current + 1);
    });
  }, []);

  const fetchHistory = useCallback(
    async (socket: Socket, fromMs: number, toMs?: number) => {
      const ack = (await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.history, { machineId, fromMs: Math.floor(fromMs), ...(toMs ? { toMs: Math.floor(toMs) } : {}) })) as TAck<{ samples: TSample[] }>;
      if ("error" in ack) return setProblem(describeAckError(ack));
      feed.mergeHistory(ack.data.samples, { fromMs });
      redraw();
    },
    [feed, machineId, redraw],
  );

  useEffect(() => {
    const socket = io(NAMESPACES.live, { transports: ["websocket"], withCredentials: true });
    socketRef.current = socket;
    let subscribedOnce = false;

    const subscribe = async () => {
      // After a reconnect, only the gap since the last sample is missing.
      const gapSeconds = feed.newestSampleMs === null ? initialWindowSeconds : Math.ceil((Date.now() - feed.newestSampleMs) / 1000) + 5;
      const historySeconds = Math.min(LIVE_MAX_HISTORY_SECONDS, subscribedOnce ? gapSeconds : initialWindowSeconds);
      try {
        const ack = (await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.subscribe, { machineId, historySeconds })) as TAck<TLiveSubscribeAck>;
        if ("error" in ack) {
          setConnection("refused");
          return setProblem(describeAckError(ack));
        }
        subscribedOnce = true;
        feed.mergeHistory(ack.data.samples, { fromMs: Date.now() - historySeconds * 1000 });
        setState(ack.data.state);
        setConnection("live");
        setProblem(null);
        redraw();
      } catch {
        setProblem("The server did not answer the subscription; retrying on the next reconnect");
      }
    };

    socket.on("connect", () => void subscribe());
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.on("connect_error", (error: Error & { data?: { detail?: string | null } }) => {
      setConnection(socket.active ? "reconnecting" : "refused");
      setProblem(error.data?.detail ?? error.message);
    });
    socket.on(LIVE_EVENTS.samples, (message: TLiveSamples) => {
      if (message.machineId !== machineId) return;
      feed.ingest(message.samples, message.sampling);
      redraw();
    });
    socket.on(LIVE_EVENTS.machineState, (next: TMachineState) => {
      if (next.machineId === machineId) setState(next);
    });
    socket.on(LIVE_EVENTS.scenarioEvent, (message: TLiveScenarioEvent) => {
      if (message.machineId === machineId) setScenarioRun((view) => applyScenarioEvent(view, message));
    });
    socket.on(LIVE_EVENTS.scenarioVerdict, (message: TLiveScenarioVerdict) => {
      if (message.machineId === machineId) setScenarioRun((view) => applyScenarioVerdict(view, message));
    });
    const resync = setInterval(() => {
      // Not right after high-resolution sampling: 90 s of 10 ms samples is megabytes, and
      // the 10 ms view is drawn from live samples only.
      const recentHighRes = feed.highResWindow !== null && Date.now() - feed.highResWindow.toMs < RESYNC_SPAN_MS;
      if (socket.connected && subscribedOnce && !recentHighRes) void fetchHistory(socket, Date.now() - RESYNC_SPAN_MS).catch(() => {});
    }, RESYNC_EVERY_MS);

    return () => {
      clearInterval(resync);
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
      socket.disconnect();
      socketRef.current = null;
    };
    // The window only sizes the first subscription; later widening goes through ensureHistoryFrom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [machineId, feed, fetchHistory, redraw]);

  const ensureHistoryFrom = useCallback(
    (fromMs: number) => {
      const socket = socketRef.current;
      if (!socket?.connected || fromMs >= feed.loadedFromMs) return;
      const toMs = Number.isFinite(feed.loadedFromMs) ? feed.loadedFromMs : undefined;
      void fetchHistory(socket, Math.max(fromMs, Date.now() - LIVE_MAX_HISTORY_SECONDS * 1000 + 1000), toMs).catch(() => setProblem("Could not load older history"));
    },
    [feed, fetchHistory],
  );

  const setSampling = useCallback(
    async (request: TSamplingRequest): Promise<TAck<TSamplingState>> => {
      const socket = socketRef.current;
      if (!socket?.connected) return { error: { code: "offline", message: "Not connected to the server" } } as TAck<TSamplingState>;
      return (await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.setSampling, { machineId, request })) as TAck<TSamplingState>;
    },
    [machineId],
  );

  const request = useCallback(async <T,>(event: string, payload: object): Promise<TAck<T>> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { error: { code: "offline", message: "Not connected to the server" } };
    try {
      return (await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, { machineId, ...payload })) as TAck<T>;
    } catch {
      return { error: { code: "timeout", message: "The server did not answer in time" } };
    }
  }, [machineId]);

  const startScenario = useCallback(
    async (start: Omit<TLiveScenarioStart, "machineId">) => {
      const answer = await request<{ runId: string }>(LIVE_EVENTS.scenarioStart, start);
      if ("data" in answer) setScenarioRun(startedRun(answer.data.runId, start.scenarioId));
      return answer;
    },
    [request],
  );
  const stopScenario = useCallback((runId: string) => request<{ stopping: true }>(LIVE_EVENTS.scenarioStop, { runId }), [request]);

  return { feed, version, connection, state, problem, ensureHistoryFrom, setSampling, scenarioRun, startScenario, stopScenario };
}
