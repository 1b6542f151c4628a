import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { expectParseError } from "./parse-error-assertion";
import { parseNetSnmp } from "./parse-net-snmp";

const fixture = (tree: string, file: "snmp" | "netstat") =>
  readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/net/${file}`, import.meta.url), "utf8");

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseNetSnmp(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

describe("parseNetSnmp on /proc/net/snmp", () => {
  it("reads the capture from the 6.18 Firecracker VM, MaxConn -1 included", () => {
    const snmp = parseNetSnmp(fixture("linux-6.18-firecracker", "snmp"));
    expect(Object.keys(snmp)).toEqual(["Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"]);
    expect(snmp.Tcp).toEqual({
      RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1, ActiveOpens: 1614, PassiveOpens: 1410, AttemptFails: 104,
      EstabResets: 74, CurrEstab: 2, InSegs: 163444, OutSegs: 132568, RetransSegs: 658, InErrs: 0, OutRsts: 311, InCsumErrors: 0,
    });
    expect(snmp.Ip).toMatchObject({ Forwarding: 2, DefaultTTL: 64, InReceives: 171552, OutTransmits: 141323 });
    expect(snmp.Udp).toMatchObject({ InDatagrams: 8277, OutDatagrams: 8278, RcvbufErrors: 0, MemErrors: 0 });
    expect(snmp.IcmpMsg).toEqual({ InType3: 1 });
    expect(snmp.Icmp).toMatchObject({ InMsgs: 1, InDestUnreachs: 1, OutRateLimitHost: 0 });
  });

  it("keeps only the fields asked for, by protocol, still checking every value", () => {
    const snmp = parseNetSnmp(fixture("linux-6.18-firecracker", "snmp"), "/proc/net/snmp", new Map([["Tcp", new Set(["RetransSegs"])]]));
    expect(snmp.Tcp).toEqual({ RetransSegs: expect.any(Number) });
    expect(snmp.Udp).toEqual({});
    expectParseError(() => parseNetSnmp("Udp: InDatagrams NoPorts\nUdp: 1 x\n", "/proc/net/snmp", new Map([["Tcp", new Set(["RetransSegs"])]])), "/proc/net/snmp", 2, /NoPorts is not an integer/);
  });

  it("reads the 5.4 field set by name, without fields that came later", () => {
    const snmp = parseNetSnmp(fixture("linux-5.4-ubuntu", "snmp"));
    expect(snmp.Tcp).toMatchObject({ MaxConn: -1, RetransSegs: 1290447, OutSegs: 731884104, CurrEstab: 187 });
    expect(snmp.Udp).toMatchObject({ RcvbufErrors: 3911, IgnoredMulti: 44812 });
    expect(snmp.Udp?.MemErrors).toBeUndefined();
    expect(snmp.Ip?.OutTransmits).toBeUndefined();
    expect(snmp.IcmpMsg).toEqual({ InType0: 14, InType3: 1207, InType8: 4089, OutType0: 4089, OutType3: 1221, OutType8: 14 });
  });

  it("reads 64-bit counters of a long-running 4.14 host", () => {
    const snmp = parseNetSnmp(fixture("linux-4.14-centos", "snmp"));
    expect(snmp.Tcp).toMatchObject({ InSegs: 47920193847, RetransSegs: 40129332, InCsumErrors: 11 });
    expect(snmp.Ip).toMatchObject({ Forwarding: 2, InReceives: 48120393129 });
  });

  it("merges a block the kernel splits over several line pairs (IcmpMsg, 16 per line)", () => {
    const inNames = Array.from({ length: 16 }, (_, type) => `InType${type}`);
    const text =
      `IcmpMsg: ${inNames.join(" ")}\nIcmpMsg: ${inNames.map((_, type) => type + 1).join(" ")}\n` +
      "IcmpMsg: OutType0 OutType3\nIcmpMsg: 7 9\n";
    const snmp = parseNetSnmp(text);
    expect(Object.keys(snmp.IcmpMsg!)).toHaveLength(18);
    expect(snmp.IcmpMsg).toMatchObject({ InType0: 1, InType15: 16, OutType0: 7, OutType3: 9 });
  });

  it("accepts an unknown protocol and an unknown field", () => {
    expect(parseNetSnmp("Sctp: Brand New\nSctp: 1 2\n")).toEqual({ Sctp: { Brand: 1, New: 2 } });
  });
});

describe("parseNetSnmp on /proc/net/netstat", () => {
  it("reads the capture from the 6.18 Firecracker VM, MPTcpExt included", () => {
    const netstat = parseNetSnmp(fixture("linux-6.18-firecracker", "netstat"), "/proc/net/netstat");
    expect(Object.keys(netstat)).toEqual(["TcpExt", "IpExt", "MPTcpExt"]);
    expect(Object.keys(netstat.TcpExt!)).toHaveLength(135);
    expect(netstat.TcpExt).toMatchObject({ TW: 1395, DelayedACKs: 3383, TCPTimeouts: 14, TCPLossProbes: 657, TCPOrigDataSent: 69220, TCPDelivered: 71308, TCPAODroppedIcmps: 0 });
    expect(netstat.IpExt).toMatchObject({ InOctets: 2375727838, OutOctets: 55425567, InNoECTPkts: 171556, ReasmOverlaps: 0 });
    expect(Object.keys(netstat.MPTcpExt!)).toHaveLength(76);
  });

  it("reads the hand-written 5.4 and 4.14 files by name", () => {
    const v54 = parseNetSnmp(fixture("linux-5.4-ubuntu", "netstat"), "/proc/net/netstat");
    expect(v54.TcpExt).toMatchObject({ TCPTimeouts: 49117, TCPFastRetrans: 301938, ListenOverflows: 312, TCPFastOpenPassiveAltKey: 0 });
    expect(v54.MPTcpExt).toBeUndefined();
    const v414 = parseNetSnmp(fixture("linux-4.14-centos", "netstat"), "/proc/net/netstat");
    expect(v414.TcpExt).toMatchObject({ ListenOverflows: 120933, SyncookiesSent: 20931, TCPForwardRetrans: 0, TCPKeepAlive: 12093384 });
    expect(v414.IpExt).toMatchObject({ InOctets: 60412093384112 });
    expect(v414.IpExt?.ReasmOverlaps).toBeUndefined();
  });
});

describe("parseNetSnmp refuses malformed input", () => {
  it.each([
    ["an empty file", "", "/proc/net/snmp:1: empty file"],
    ["a header without values (truncated file)", "Tcp: RtoAlgorithm RtoMin\nTcp: 1 200\nUdp: InDatagrams NoPorts\n", "/proc/net/snmp:3: Udp: header line has no value line after it"],
    ["more names than values", "Tcp: RtoAlgorithm RtoMin MaxConn\nTcp: 1 200\n", "/proc/net/snmp:2: Tcp: 3 names on line 1 but 2 values"],
    ["more values than names", "Tcp: RtoAlgorithm\nTcp: 1 200\n", "/proc/net/snmp:2: Tcp: 1 names on line 1 but 2 values"],
    ["values of another protocol", "Tcp: RtoAlgorithm\nUdp: 1\n", '/proc/net/snmp:2: expected the values of Tcp, found "Udp:"'],
    ["a missing header line", "Tcp: 1 200 120000 -1\nUdp: InDatagrams\nUdp: 5\n", '/proc/net/snmp:1: Tcp: expected a header line of field names, found "1"'],
    ["a non-numeric value", "Tcp: RtoAlgorithm RtoMin\nTcp: 1 2OO\n", '/proc/net/snmp:2: Tcp RtoMin is not an integer: "2OO"'],
    ["a fractional value", "Tcp: RtoAlgorithm\nTcp: 1.5\n", "/proc/net/snmp:2: Tcp RtoAlgorithm is not an integer"],
    ["a line without 'Proto:'", "Tcp RtoAlgorithm\nTcp 1\n", "/proc/net/snmp:1: expected 'Proto: …'"],
    ["the other format of /proc/net/snmp6", "Ip6InReceives                   \t171\n", "/proc/net/snmp:1: expected 'Proto: …'"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given", () => {
    expect(parseError("TcpExt: A\n", "/proc/net/netstat").message).toBe("/proc/net/netstat:1: TcpExt: header line has no value line after it");
  });
});
