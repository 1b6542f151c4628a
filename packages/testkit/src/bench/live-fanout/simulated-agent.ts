// One lab agent made of the real agent modules, wired as run-agent.ts wires them: the
// collectors sample a replayed /proc tree at 1 Hz (Sampler), each batch is encoded once
// (encodeBatch), buffered (BatchBuffer) and streamed in order, each awaiting its
// acknowledgement (Streamer), over the agent's own Socket.IO connection (connectAgent).
// runAgent itself is not called because a worker process hosts many agents: the JIT
// warm-up runAgent does at start is done once per process (agent-worker.entry.ts), and
// the reader is the replayed tree instead of one built from command-line options.
import type { TMetricBatch } from "@perflab/protocol";
import { randomBytes } from "node:crypto";
import { sampleCollectors } from "../../../../../agent/src/collect/collector";
import { createCollectors } from "../../../../../agent/src/collect/registry";
import { connectAgent } from "../../../../../agent/src/connection";
import { describeHost, detectCapabilities } from "../../../../../agent/src/host/describe-host";
import { Sampler } from "../../../../../agent/src/sampling/sampler";
import { BatchBuffer } from "../../../../../agent/src/stream/batch-buffer";
import { encodeBatch } from "../../../../../agent/src/stream/encode-batch";
import { Streamer } from "../../../../../agent/src/stream/streamer";
import { AGENT_VERSION } from "../../../../../agent/src/version";
import type { TReplayedProcTree } from "./replayed-proc-tree";

const BUFFER_BYTES = 16 * 1024 * 1024; // the agent's default --buffer-mb

export interface TSimulatedAgentStats {
  batches: number;
  batchBytes: number;
  points: number;
  /** Batches not yet acknowledged: more than one means the agent is falling behind. */
  unacknowledged: number;
  dropped: number;
  refused: number;
}

export interface TSimulatedAgent {
  /** The first session:ready from the server. */
  ready: Promise<unknown>;
  stats: () => TSimulatedAgentStats;
  stop: () => void;
}

export function startSimulatedAgent(serverUrl: string, token: string, tree: TReplayedProcTree, firstRound: number, log: (message: string) => void): TSimulatedAgent {
  const collectors = createCollectors();
  const buffer = new BatchBuffer(BUFFER_BYTES);
  const streamId = randomBytes(12).toString("base64url");
  const totals = { batches: 0, batchBytes: 0, points: 0 };
  let nextSeq = 1;
  let round = firstRound;

  const connection = connectAgent(serverUrl, token);
  const sampler = new Sampler(
    (set, nowMs) => sampleCollectors(collectors, tree.at(round++), set, nowMs),
    (samples, collectorErrors, sampling) => {
      const batch: TMetricBatch = { seq: nextSeq++, samples, collectorErrors, droppedBatches: buffer.droppedBatches, sampling };
      const encoded = encodeBatch(batch);
      totals.batches += 1;
      totals.batchBytes += encoded.payload.length;
      for (const sample of samples) totals.points += sample.points.length;
      buffer.push(encoded);
      streamer.notify();
    },
  );
  const reader = tree.at(firstRound);
  const streamer = new Streamer({
    socket: connection.socket,
    buffer,
    hello: () => ({ agentVersion: AGENT_VERSION, streamId, host: describeHost(reader), capabilities: detectCapabilities(reader), sampling: sampler.state() }),
    changeSampling: (request) => sampler.changeMode(request),
    log,
  });
  void connection.refused.then((error) => log(error.message));
  sampler.start();

  return {
    ready: connection.ready,
    stats: () => ({ ...totals, unacknowledged: buffer.length, dropped: buffer.droppedBatches, refused: streamer.refused }),
    stop: () => {
      sampler.stop();
      connection.socket.disconnect();
    },
  };
}
