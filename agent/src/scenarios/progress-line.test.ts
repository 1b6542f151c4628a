import { describe, expect, it } from "vitest";
import { readProgressLine } from "./progress-line";

describe("readProgressLine", () => {
  it("turns progress lines into events", () => {
    expect(readProgressLine('PERFLAB {"event":"phase","phase":"running"}', "stdout")).toEqual({ kind: "phase", phase: "running" });
    expect(readProgressLine('PERFLAB {"event":"missing","requirement":"fio","hint":"apt-get install fio"}', "stdout")).toEqual({ kind: "missing", requirement: "fio", hint: "apt-get install fio" });
    expect(readProgressLine('PERFLAB {"event":"note","message":"sysctl x: 1 -> 2"}', "stdout")).toEqual({ kind: "note", message: "sysctl x: 1 -> 2" });
    expect(readProgressLine('PERFLAB {"event":"error","message":"cannot"}', "stdout")).toEqual({ kind: "error", message: "cannot" });
  });

  it("passes everything else on as output: plain lines, stderr, malformed or unknown progress lines", () => {
    for (const line of ["[ 5] 0.00-1.00 sec 1.2 GBytes", "PERFLAB {not json", 'PERFLAB {"event":"phase","phase":"exploding"}', 'PERFLAB {"event":"reboot"}', "PERFLAB 42", 'PERFLAB {"event":"missing"}']) {
      expect(readProgressLine(line, "stdout")).toEqual({ kind: "output", stream: "stdout", line });
    }
    expect(readProgressLine('PERFLAB {"event":"phase","phase":"done"}', "stderr")).toMatchObject({ kind: "output", stream: "stderr" });
    expect(readProgressLine("x".repeat(5000), "stdout")).toMatchObject({ line: "x".repeat(2000) });
  });
});
