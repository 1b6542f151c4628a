import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { parseSoftirqs } from "./parse-softirqs";

const fixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/softirqs`, import.meta.url), "utf8");

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseSoftirqs(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

const HEADER = "                    CPU0       CPU1       \n";

describe("parseSoftirqs", () => {
  it("reads the capture from the 6.18 Firecracker VM", () => {
    const { cpus, rows } = parseSoftirqs(fixture("linux-6.18-firecracker"));
    expect(cpus).toEqual([0, 1]);
    expect(rows.map((row) => row.name)).toEqual(["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU"]);
    expect(rows[3]).toEqual({ name: "NET_RX", countsByCpu: { 0: 11784843, 1: 2908993 } });
    expect(rows[4]).toEqual({ name: "BLOCK", countsByCpu: { 0: 1453, 1: 2654748 } });
    expect(rows[9]).toEqual({ name: "RCU", countsByCpu: { 0: 547370, 1: 592287 } });
  });

  it("5.4: the header keeps offline CPU2 (possible CPUs, unlike /proc/interrupts)", () => {
    const { cpus, rows } = parseSoftirqs(fixture("linux-5.4-ubuntu"));
    expect(cpus).toEqual([0, 1, 2, 3]);
    expect(rows.find((row) => row.name === "NET_RX")?.countsByCpu).toEqual({ 0: 198223041, 1: 190332817, 2: 48201934, 3: 193012983 });
  });

  it("4.14: counts near 2^32", () => {
    const { rows } = parseSoftirqs(fixture("linux-4.14-centos"));
    expect(rows.find((row) => row.name === "NET_RX")?.countsByCpu[0]).toBe(4093384112);
  });

  it("accepts the pre-4.5 name BLOCK_IOPOLL and CPU ids that skip", () => {
    const text = "                    CPU0       CPU2       \n          HI:          0          0\nBLOCK_IOPOLL:          3          4\n";
    expect(parseSoftirqs(text)).toEqual({
      cpus: [0, 2],
      rows: [
        { name: "HI", countsByCpu: { 0: 0, 2: 0 } },
        { name: "BLOCK_IOPOLL", countsByCpu: { 0: 3, 2: 4 } },
      ],
    });
  });

  it("ignores an extra column beyond the header's CPUs", () => {
    expect(parseSoftirqs(`${HEADER}          HI:          1          2          3\n`).rows[0]).toEqual({ name: "HI", countsByCpu: { 0: 1, 1: 2 } });
  });

  it.each([
    ["an empty file", "", "/proc/softirqs:1: empty file"],
    ["a missing header", "          HI:          0          0\n", '/proc/softirqs:1: expected a header of CPU columns, found "HI:"'],
    ["a changed header", "                    C0       C1\n", '/proc/softirqs:1: expected a header of CPU columns, found "C0"'],
    ["a truncated row", `${HEADER}          HI:          0          0\n       TIMER:     211083\n`, "/proc/softirqs:3: TIMER: expected 2 counts (one per CPU), found 1"],
    ["a non-numeric count", `${HEADER}      NET_RX:   11784843    29O8993\n`, '/proc/softirqs:2: NET_RX: count for CPU1 is not an unsigned integer: "29O8993"'],
    ["a row without a name", `${HEADER}     11784843    2908993\n`, "/proc/softirqs:2: expected '<SOFTIRQ>: <count per CPU>'"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given", () => {
    expect(parseError("", "/host/proc/softirqs").message).toMatch(/^\/host\/proc\/softirqs:1: /);
  });
});
