import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { parseSoftnetStat, SOFTNET_COUNTER_MODULUS } from "./parse-softnet-stat";

const fixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/net/softnet_stat`, import.meta.url), "utf8");

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseSoftnetStat(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

/** One row of the given width: processed 0x10, dropped 0x2, time_squeeze 0x3, then column n holds n. */
const row = (columns: number) =>
  Array.from({ length: columns }, (_, index) => (index < 3 ? [0x10, 0x2, 0x3][index]! : index + 1).toString(16).padStart(8, "0")).join(" ");

describe("parseSoftnetStat", () => {
  it("reads the 15-column capture from the 6.18 Firecracker VM, CPU ids from column 13", () => {
    expect(parseSoftnetStat(fixture("linux-6.18-firecracker"))).toEqual({
      columnCount: 15,
      rows: [
        { rowIndex: 0, cpu: 0, processed: 0x00ba5f8a, dropped: 0, timeSqueeze: 0x1b, cpuCollision: 0, receivedRps: 0, flowLimitCount: 0, backlogLength: 0, inputQueueLength: 0, processQueueLength: 0 },
        { rowIndex: 1, cpu: 1, processed: 0x01205e10, dropped: 0x230db, timeSqueeze: 0x3a8b, cpuCollision: 0, receivedRps: 0x656d8, flowLimitCount: 0, backlogLength: 0, inputQueueLength: 0, processQueueLength: 0 },
      ],
    });
  });

  it("5.4 with CPU2 offline: three rows, no CPU ids, row 2 is the third online CPU", () => {
    const { columnCount, rows } = parseSoftnetStat(fixture("linux-5.4-ubuntu"));
    expect(columnCount).toBe(11);
    expect(rows.map((r) => [r.rowIndex, r.cpu])).toEqual([[0, null], [1, null], [2, null]]);
    expect(rows[1]).toMatchObject({ processed: 0x0b10c7d9, dropped: 0x1a2, timeSqueeze: 0x514, receivedRps: 0, flowLimitCount: 0 });
    expect(rows[2]).toMatchObject({ backlogLength: undefined, inputQueueLength: undefined, processQueueLength: undefined });
  });

  it("4.14: 32-bit counters near the wrap stay unsigned", () => {
    const { rows } = parseSoftnetStat(fixture("linux-4.14-centos"));
    expect(rows).toHaveLength(4);
    expect(rows[0]!.processed).toBe(0xfe3b09a1);
    expect(rows[0]!.processed).toBeLessThan(SOFTNET_COUNTER_MODULUS);
    expect(parseSoftnetStat(`ffffffff ${row(9).slice(9)}\n`).rows[0]!.processed).toBe(SOFTNET_COUNTER_MODULUS - 1);
  });

  it.each([
    [9, { cpuCollision: 9, receivedRps: undefined, flowLimitCount: undefined, backlogLength: undefined, cpu: null }],
    [10, { cpuCollision: 9, receivedRps: 10, flowLimitCount: undefined, backlogLength: undefined, cpu: null }],
    [11, { receivedRps: 10, flowLimitCount: 11, backlogLength: undefined, cpu: null }],
    [13, { flowLimitCount: 11, backlogLength: 12, cpu: 13, inputQueueLength: undefined }],
    [15, { backlogLength: 12, cpu: 13, inputQueueLength: 14, processQueueLength: 15 }],
    [17, { backlogLength: 12, cpu: 13, inputQueueLength: 14, processQueueLength: 15 }],
  ])("names the columns of the %i-column format (unknown extra columns ignored)", (columns, expected) => {
    const parsed = parseSoftnetStat(`${row(columns)}\n`);
    expect(parsed.columnCount).toBe(columns);
    expect(parsed.rows[0]).toMatchObject({ processed: 0x10, dropped: 2, timeSqueeze: 3, ...expected });
  });

  it.each([
    ["an empty file", "", "/proc/net/softnet_stat:1: empty file"],
    ["a row cut below 9 columns", `${row(11)}\n00000001 00000000 00000002\n`, "/proc/net/softnet_stat:2: expected at least 9 hex counters, found 3"],
    ["a row shorter than the first", `${row(13)}\n${row(11)}\n`, "/proc/net/softnet_stat:2: expected 13 hex counters like the first row, found 11"],
    ["a non-hex column", `${row(11).replace("00000003", "0000000g")}\n`, '/proc/net/softnet_stat:1: column 3 is not a 32-bit hex counter: "0000000g"'],
    ["a decimal-looking negative", `${row(11).replace("00000002", "-0000002")}\n`, "/proc/net/softnet_stat:1: column 2 is not a 32-bit hex counter"],
    ["a value wider than 32 bits", `${row(11).replace("00000010", "100000000")}\n`, "/proc/net/softnet_stat:1: column 1 is not a 32-bit hex counter"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given", () => {
    expect(parseError("", "/host/proc/net/softnet_stat").message).toMatch(/^\/host\/proc\/net\/softnet_stat:1: /);
  });
});
