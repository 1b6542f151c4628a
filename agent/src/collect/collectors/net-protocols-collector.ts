// TCP and UDP health from /proc/net/snmp and /proc/net/netstat (per network namespace),
// looked up by name: kernels keep adding columns (FIELD-NOTES 11).
import type { TMetricPoint } from "@perflab/protocol";
import { parseNetSnmp, type TNetSnmp } from "../../proc/parsers/parse-net-snmp";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const COUNTERS: [file: "snmp" | "netstat", group: string, field: string, metric: string][] = [
  ["snmp", "Tcp", "OutSegs", "tcp.out_segs"],
  ["snmp", "Tcp", "RetransSegs", "tcp.retrans_segs"],
  ["netstat", "TcpExt", "TCPTimeouts", "tcp.timeouts"],
  ["netstat", "TcpExt", "ListenOverflows", "tcp.listen_overflows"],
  ["netstat", "TcpExt", "ListenDrops", "tcp.listen_drops"],
  ["snmp", "Udp", "RcvbufErrors", "udp.rcvbuf_errors"],
  ["snmp", "Udp", "NoPorts", "udp.no_ports"],
];

const WANTED = new Map<string, Set<string>>();
for (const [, group, field] of COUNTERS) WANTED.set(group, (WANTED.get(group) ?? new Set()).add(field));

export function createNetProtocolsCollector(): TCollector {
  const rates = new RateTracker();
  return {
    name: "net-protocols",
    isHighRes: false,
    collect(reader, nowMs) {
      const files: Record<"snmp" | "netstat", TNetSnmp | null> = { snmp: null, netstat: null };
      for (const file of ["snmp", "netstat"] as const) {
        const text = reader.proc(`net/${file}`);
        files[file] = text === null ? null : parseNetSnmp(text, `${reader.procRoot}/net/${file}`, WANTED);
      }
      if (!files.snmp) throw new Error(`${reader.procRoot}/net/snmp does not exist`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const [file, group, field, metric] of COUNTERS) {
        const value = files[file]?.[group]?.[field];
        if (value === undefined) continue;
        const rate = rates.rate(`${group}.${field}`, value, nowMs);
        if (rate !== undefined) points.push([metric, rate]);
      }
      return points;
    },
  };
}
