// GET /metrics over HTTP for Prometheus. Off unless --prometheus is given, and meant for
// loopback (the default in the docs): it has no authentication, like node_exporter.
import { createServer, type Server } from "node:http";
import type { TMetricPoint } from "@perflab/protocol";
import { toPrometheusText } from "./exposition";

export function startMetricsServer(address: string, latest: () => { points: readonly TMetricPoint[]; atMs: number } | null, log: (message: string) => void): Server {
  const separator = address.lastIndexOf(":");
  const host = address.slice(0, separator);
  const port = Number(address.slice(separator + 1));
  const server = createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("perflab-agent serves /metrics only\n");
      return;
    }
    const sample = latest();
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    response.end(sample ? toPrometheusText(sample.points) : "");
  });
  server.on("error", (error) => log(`prometheus endpoint on ${address}: ${error.message}`));
  server.listen(port, host, () => log(`prometheus endpoint on http://${address}/metrics`));
  return server;
}
