// The latest sample in Prometheus' text exposition format (version 0.0.4), so an existing
// Prometheus can scrape lab machines. Every catalogue metric is exported under
// perflab_<id> as a gauge holding the value perflab streams: counters as per-second rates
// over the agent's last interval (the unit is in the name's HELP line), gauges as sampled.
import { findMetric, type TMetricPoint } from "@perflab/protocol";

export function prometheusName(metricId: string): string {
  return `perflab_${metricId.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

export function toPrometheusText(points: readonly TMetricPoint[], timestampMs?: number): string {
  const byMetric = new Map<string, TMetricPoint[]>();
  for (const point of points) byMetric.set(point[0], [...(byMetric.get(point[0]) ?? []), point]);
  const lines: string[] = [];
  for (const [id, metricPoints] of [...byMetric].sort(([a], [b]) => a.localeCompare(b))) {
    const definition = findMetric(id);
    const name = prometheusName(id);
    lines.push(`# HELP ${name} ${definition ? `${definition.meaning} (${definition.unit}${definition.kind === "counter" ? ", rate over the last interval" : ""})` : id}`);
    lines.push(`# TYPE ${name} gauge`);
    for (const [, value, labels] of metricPoints) {
      const labelText = labels && Object.keys(labels).length > 0 ? `{${Object.entries(labels).map(([key, labelValue]) => `${key}="${escapeLabelValue(labelValue)}"`).join(",")}}` : "";
      lines.push(`${name}${labelText} ${formatValue(value)}${timestampMs === undefined ? "" : ` ${Math.round(timestampMs)}`}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
