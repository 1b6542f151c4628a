import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { parseNetDev } from "./parse-net-dev";

const fixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/net/dev`, import.meta.url), "utf8");

const HEADER =
  "Inter-|   Receive                                                |  Transmit\n" +
  " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseNetDev(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

describe("parseNetDev", () => {
  it("reads the capture from the 6.18 Firecracker VM", () => {
    const { interfaces } = parseNetDev(fixture("linux-6.18-firecracker"));
    expect(interfaces.map((iface) => iface.name)).toEqual(["lo", "ifb0", "ifb1", "eth0"]);
    expect(interfaces[3]).toEqual({
      name: "eth0",
      rxBytes: 2324219665, rxPackets: 68806, rxErrors: 0, rxDropped: 0, rxFifoErrors: 0, rxFrameErrors: 0, rxCompressed: 0, rxMulticast: 0,
      txBytes: 3496678, txPackets: 38606, txErrors: 0, txDropped: 0, txFifoErrors: 0, txCollisions: 0, txCarrierErrors: 0, txCompressed: 0,
    });
    expect(interfaces[0]).toMatchObject({ name: "lo", rxBytes: 52485749, txBytes: 52485749, rxPackets: 102997 });
  });

  it("reads names that fill the %6s column and push the counters right (5.4 tree)", () => {
    const { interfaces } = parseNetDev(fixture("linux-5.4-ubuntu"));
    expect(interfaces.map((iface) => iface.name)).toEqual(["lo", "enp3s0f0", "enp3s0f1", "docker0", "veth3f2a9c1"]);
    expect(interfaces[1]).toMatchObject({ rxBytes: 948372615023, rxPackets: 712938471, rxDropped: 1823, rxMulticast: 48213, txBytes: 412983746512 });
    expect(interfaces[4]).toMatchObject({ name: "veth3f2a9c1", rxPackets: 189911, txPackets: 210502 });
  });

  it("reads counters wider than their column (4.14 tree, 61 TB received)", () => {
    const { interfaces } = parseNetDev(fixture("linux-4.14-centos"));
    expect(interfaces.find((iface) => iface.name === "enp4s0f0")).toMatchObject({ rxBytes: 61093822104553, rxPackets: 48120339182, rxDropped: 20931 });
  });

  it("reads the old format with no space after the colon", () => {
    const { interfaces } = parseNetDev(`${HEADER}  eth0:2324219665   68806    0    0    0     0          0         0  3496678   38606    0    0    0     0       0          0\n`);
    expect(interfaces[0]).toMatchObject({ name: "eth0", rxBytes: 2324219665, txPackets: 38606 });
  });

  it("ignores columns a newer kernel appends to a section", () => {
    const header =
      "Inter-|   Receive                                                |  Transmit\n" +
      " face |bytes    packets errs drop fifo frame compressed multicast newrx|bytes    packets errs drop fifo colls carrier compressed newtx\n";
    const { interfaces } = parseNetDev(`${header}  eth0: 1 2 3 4 5 6 7 8 99 10 11 12 13 14 15 16 17 99\n`);
    expect(interfaces[0]).toMatchObject({ rxBytes: 1, rxMulticast: 8, txBytes: 10, txCompressed: 17 });
  });

  it("keeps 64-bit counters as numbers, rounded above 2^53", () => {
    const { interfaces } = parseNetDev(`${HEADER}  eth0: 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`);
    expect(interfaces[0]!.rxBytes).toBe(2 ** 64);
  });

  it.each([
    ["an empty file", "", "/proc/net/dev:1: empty file"],
    ["a changed first header", HEADER.replace("Receive", "Recv"), "/proc/net/dev:1: unexpected first header line"],
    ["a missing second header", HEADER.split("\n")[0] + "\n    lo: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "/proc/net/dev:2: second header line"],
    ["a renamed column", HEADER.replace("colls", "collisions"), '/proc/net/dev:2: transmit column 6 is "collisions", expected "colls"'],
    ["reordered columns", HEADER.replace("bytes    packets", "packets    bytes"), '/proc/net/dev:2: receive column 1 is "packets"'],
    ["a truncated line", `${HEADER}    lo: 52485749  102997    0    0    0     0\n`, "/proc/net/dev:3: lo: expected 16 counters, found 6"],
    ["a line with a name only", `${HEADER}    lo:\n`, "/proc/net/dev:3: lo: expected 16 counters, found 0"],
    ["a line without a name", `${HEADER}  1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n`, "/proc/net/dev:3: expected '<interface>: <counters>'"],
    ["a non-numeric counter", `${HEADER}  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 x4 15 16\n`, '/proc/net/dev:3: eth0: counter 14 is not an unsigned integer: "x4"'],
    ["a negative counter", `${HEADER}  eth0: 1 -2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n`, "/proc/net/dev:3: eth0: counter 2 is not an unsigned integer"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given, e.g. under --proc-root", () => {
    expect(parseError("", "/host/proc/net/dev").message).toBe("/host/proc/net/dev:1: empty file, expected the 'Inter-|' header");
  });

  it("accepts a namespace with only loopback, and no interfaces at all", () => {
    expect(parseNetDev(`${HEADER}    lo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`).interfaces).toHaveLength(1);
    expect(parseNetDev(HEADER).interfaces).toEqual([]);
  });
});
