// `perflab-agent run`: sampling, buffering, streaming and (optionally) the Prometheus
// endpoint wired together. Each piece lives in its own module; this only connects them
// and owns the clean stop.
import type { TMetricPoint, TMetricBatch } from "@perflab/protocol";
import { randomBytes } from "node:crypto";
import type { TRunOptions } from "./cli/parse-command-line";
import { sampleCollectors } from "./collect/collector";
import { createCollectors } from "./collect/registry";
import { warmUpCollectors } from "./collect/warm-up";
import { connectAgent } from "./connection";
import { attachScenarioChannel, prepareScenarios } from "./scenarios/scenario-service";
import { describeHost, detectCapabilities } from "./host/describe-host";
import { startMetricsServer } from "./prometheus/metrics-server";
import { createProcReader } from "./proc/proc-reader";
import { Sampler } from "./sampling/sampler";
import { BatchBuffer } from "./stream/batch-buffer";
import { encodeBatch } from "./stream/encode-batch";
import { Streamer } from "./stream/streamer";
import { AGENT_VERSION } from "./version";

export interface TRunningAgent {
  stop: () => Promise<void>;
}

export async function runAgent(options: TRunOptions, log: (message: string) => void): Promise<TRunningAgent> {
  const reader = createProcReader(options.procRoot, options.cgroupRoot);
  warmUpCollectors(reader);
  const collectors = createCollectors();
  const buffer = new BatchBuffer(options.bufferMb * 1024 * 1024);
  const streamId = randomBytes(12).toString("base64url");
  let nextSeq = 1;
  let latest: { points: TMetricPoint[]; atMs: number } | null = null;

  // Before connecting: the first hello announces which scenarios this machine can run.
  const scenarios = await prepareScenarios(options.stateDir, log);
  const connection = connectAgent(options.server, options.token);
  attachScenarioChannel(connection.socket, scenarios, log);
  const sampler = new Sampler(
    (set, nowMs) => {
      const result = sampleCollectors(collectors, reader, set, nowMs);
      if (set === "all") latest = { points: result.points, atMs: nowMs };
      return result;
    },
    (samples, collectorErrors, sampling) => {
      const batch: TMetricBatch = { seq: nextSeq++, samples, collectorErrors, droppedBatches: buffer.droppedBatches, sampling };
      buffer.push(encodeBatch(batch));
      streamer.notify();
    },
  );
  const streamer = new Streamer({
    socket: connection.socket,
    buffer,
    hello: () => ({ agentVersion: AGENT_VERSION, streamId, host: describeHost(reader), capabilities: detectCapabilities(reader), sampling: sampler.state(), scenarios: scenarios.availability }),
    changeSampling: (request) => {
      log(request.mode === "high-res" ? `high-resolution sampling every ${request.intervalMs} ms for ${request.durationMs / 1000} s` : "back to 1 Hz sampling");
      return sampler.changeMode(request);
    },
    log,
  });

  connection.socket.on("disconnect", (reason) => log(`disconnected (${reason}); ${buffer.length} batches buffered, reconnecting`));
  connection.ready.then(
    (session) => log(`connected to ${options.server} as ${session.subject.id}`),
    () => undefined, // reported through `refused`
  );
  void connection.refused.then((error) => {
    log(error.message);
    process.exitCode = 3;
    void stop();
  });
  const metricsServer = options.prometheus ? startMetricsServer(options.prometheus, () => latest, log) : null;
  sampler.start();

  async function stop(): Promise<void> {
    const running = scenarios.runner.current();
    if (running) {
      log(`stopping scenario run ${running.runId} before exiting`);
      scenarios.runner.stop({ runId: running.runId });
      await scenarios.runner.idle();
    }
    sampler.stop();
    connection.socket.disconnect();
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
  }
  return { stop };
}
