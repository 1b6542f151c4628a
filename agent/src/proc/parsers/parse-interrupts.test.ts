import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { parseInterrupts, type TInterruptRow } from "./parse-interrupts";

const fixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/interrupts`, import.meta.url), "utf8");

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseInterrupts(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

const byId = (rows: TInterruptRow[], id: string) => rows.find((row) => row.id === id);

describe("parseInterrupts", () => {
  it("reads the capture from the 6.18 Firecracker VM", () => {
    const { cpus, rows } = parseInterrupts(fixture("linux-6.18-firecracker"));
    expect(cpus).toEqual([0, 1]);
    expect(rows).toHaveLength(34);
    expect(rows[0]).toEqual({ kind: "per-cpu", id: "24", countsByCpu: { 0: 1, 1: 0 }, description: "IO-APIC   5-edge      ACPI:Ged" });
    expect(byId(rows, "36")).toEqual({ kind: "per-cpu", id: "36", countsByCpu: { 0: 0, 1: 2310462 }, description: "PCI-MSIX-0000:00:02.0   1-edge      virtio1-req.0" });
    expect(byId(rows, "LOC")).toEqual({ kind: "per-cpu", id: "LOC", countsByCpu: { 0: 1407363, 1: 2203576 }, description: "Local timer interrupts" });
    expect(byId(rows, "CAL")).toMatchObject({ countsByCpu: { 0: 997657, 1: 834467 }, description: "Function call interrupts" });
    expect(byId(rows, "ERR")).toEqual({ kind: "system-wide", id: "ERR", count: 0 });
    expect(byId(rows, "MIS")).toEqual({ kind: "system-wide", id: "MIS", count: 0 });
    expect(rows.at(-1)).toMatchObject({ id: "PIW", description: "Posted-interrupt wakeup event" });
  });

  it("5.4 with CPU2 offline: counts are keyed by the CPU named in the header, not by position", () => {
    const { cpus, rows } = parseInterrupts(fixture("linux-5.4-ubuntu"));
    expect(cpus).toEqual([0, 1, 3]);
    expect(byId(rows, "37")).toEqual({
      kind: "per-cpu", id: "37", countsByCpu: { 0: 0, 1: 0, 3: 179881203 }, description: "IR-PCI-MSI 1572867-edge      enp3s0f0-TxRx-3",
    });
    expect(byId(rows, "24")).toMatchObject({ description: "IR-PCI-MSI 458752-edge      PCIe PME, aerdrv" });
    expect(byId(rows, "RES")).toMatchObject({ countsByCpu: { 0: 20918334, 1: 21873002, 3: 20031945 } });
    expect(Object.keys((byId(rows, "LOC") as { countsByCpu: object }).countsByCpu)).toEqual(["0", "1", "3"]);
  });

  it("4.14: per-CPU counts near 2^32 and the x86 named rows", () => {
    const { cpus, rows } = parseInterrupts(fixture("linux-4.14-centos"));
    expect(cpus).toEqual([0, 1, 2, 3]);
    expect(byId(rows, "29")).toMatchObject({ countsByCpu: { 0: 4123456789, 1: 0, 2: 0, 3: 0 }, description: "IR-PCI-MSI 2097153-edge      enp4s0f0-TxRx-0" });
    expect(byId(rows, "LOC")).toMatchObject({ countsByCpu: { 0: 3912345678 } });
    expect(rows.filter((row) => row.kind === "system-wide").map((row) => row.id)).toEqual(["ERR", "MIS"]);
    expect(rows.filter((row) => !/^\d+$/.test(row.id)).map((row) => row.id)).toEqual([
      "NMI", "LOC", "SPU", "PMI", "IWI", "RTR", "RES", "CAL", "TLB", "TRM", "THR", "DFR", "MCE", "MCP", "ERR", "MIS", "PIN", "NPI", "PIW",
    ]);
  });

  it("does not take numbers in the description for counts (arm64: GIC hwirq)", () => {
    const text = "           CPU0       CPU1\n 11:     123456     654321     GICv3  27 Level     arch_timer\nIPI0:      2001      1999       Rescheduling interrupts\nErr:          0\n";
    const { rows } = parseInterrupts(text);
    expect(rows).toEqual([
      { kind: "per-cpu", id: "11", countsByCpu: { 0: 123456, 1: 654321 }, description: "GICv3  27 Level     arch_timer" },
      { kind: "per-cpu", id: "IPI0", countsByCpu: { 0: 2001, 1: 1999 }, description: "Rescheduling interrupts" },
      { kind: "system-wide", id: "Err", count: 0 },
    ]);
  });

  it("reads ERR as a per-CPU row where newer x86 kernels print it per CPU", () => {
    const { rows } = parseInterrupts("           CPU0       CPU1\nERR:          1          0   PIC/APIC error interrupts\n");
    expect(rows[0]).toEqual({ kind: "per-cpu", id: "ERR", countsByCpu: { 0: 1, 1: 0 }, description: "PIC/APIC error interrupts" });
  });

  it("on a one-CPU machine, ERR stays system-wide and LOC per-CPU", () => {
    const { rows } = parseInterrupts("           CPU0\nLOC:     120334   Local timer interrupts\nERR:          0\n");
    expect(rows.map((row) => row.kind)).toEqual(["per-cpu", "system-wide"]);
  });

  it("accepts an unknown named row", () => {
    const { rows } = parseInterrupts("           CPU0       CPU1\nPMN:          5          6   Posted MSI notification event\n");
    expect(rows[0]).toMatchObject({ id: "PMN", countsByCpu: { 0: 5, 1: 6 } });
  });

  it.each([
    ["an empty file", "", "/proc/interrupts:1: empty file"],
    ["a missing header", " 24:          1          0  IO-APIC   5-edge      ACPI:Ged\n", '/proc/interrupts:1: expected a header of CPU columns, found "24:"'],
    ["a changed header", "           cpu0       cpu1\n", '/proc/interrupts:1: expected a header of CPU columns, found "cpu0"'],
    ["a truncated device row", "           CPU0       CPU1\n 24:          1\n", "/proc/interrupts:2: 24: expected 2 counts (one per CPU), found 1"],
    ["a named row short of counts", "           CPU0       CPU1\nLOC:    1406841   Local timer interrupts\n", '/proc/interrupts:2: LOC: expected 2 counts (one per CPU), found 1 before "Local"'],
    ["a non-numeric count", "           CPU0       CPU1\n 24:          1        x12  IO-APIC   5-edge      ACPI:Ged\n", '/proc/interrupts:2: 24: expected 2 counts (one per CPU), found 1 before "x12"'],
    ["a line without an id", "           CPU0       CPU1\n          1          0\n", "/proc/interrupts:2: expected '<irq>: <counts per CPU> …'"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given", () => {
    expect(parseError("", "/host/proc/interrupts").message).toMatch(/^\/host\/proc\/interrupts:1: /);
  });
});
