// One chart line per metric and label set: "net.rx_bytes{interface=eth0}". Labels are
// sorted so the same point always yields the same key, whatever order the agent used.
import type { TMetricPoint } from "@perflab/protocol";

export function seriesKey(metricId: string, labels?: Readonly<Record<string, string>>): string {
  if (!labels) return metricId;
  const names = Object.keys(labels);
  if (names.length === 0) return metricId;
  if (names.length > 1) names.sort();
  return `${metricId}{${names.map((name) => `${name}=${labels[name]}`).join(",")}}`;
}

export function pointKey(point: TMetricPoint): string {
  return seriesKey(point[0], point[2]);
}

export interface TParsedSeriesKey {
  metricId: string;
  labels: Record<string, string>;
}

export function parseSeriesKey(key: string): TParsedSeriesKey {
  const brace = key.indexOf("{");
  if (brace < 0) return { metricId: key, labels: {} };
  const labels: Record<string, string> = {};
  for (const pair of key.slice(brace + 1, -1).split(",")) {
    const equals = pair.indexOf("=");
    labels[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return { metricId: key.slice(0, brace), labels };
}
