import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProcParseError } from "../parse-error";
import { DISKSTATS_MS_FIELD_WRAP_SECONDS, isWholeDevice, parseDiskstats } from "./parse-diskstats";

const fixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/diskstats`, import.meta.url), "utf8");

function parseError(text: string, file?: string): ProcParseError {
  try {
    parseDiskstats(text, file);
  } catch (error) {
    if (error instanceof ProcParseError) return error;
    throw error;
  }
  throw new Error("expected a ProcParseError");
}

const device = (tree: string, name: string) => parseDiskstats(fixture(tree)).devices.find((d) => d.name === name);

describe("parseDiskstats", () => {
  it("reads the 17-field capture from the 6.18 Firecracker VM, sectors as bytes and ms as seconds", () => {
    const { devices } = parseDiskstats(fixture("linux-6.18-firecracker"));
    expect(devices.map((d) => d.name)).toEqual(["loop0", "loop1", "loop2", "loop3", "loop4", "loop5", "loop6", "loop7", "vda", "zram0"]);
    expect(devices.find((d) => d.name === "vda")).toEqual({
      major: 254, minor: 0, name: "vda", fieldCount: 17,
      readsCompleted: 8015941, readsMerged: 37421, readBytes: 275016994 * 512, readSeconds: 3838.625,
      writesCompleted: 364554, writesMerged: 162475, writtenBytes: 159680472 * 512, writeSeconds: 553.918,
      ioInFlight: 0, ioBusySeconds: 366.492, weightedIoSeconds: 4420.325,
      discardsCompleted: 42049, discardsMerged: 141, discardedBytes: 11008184 * 512, discardSeconds: 14.414,
      flushesCompleted: 33885, flushSeconds: 13.366,
    });
    expect(devices[0]).toMatchObject({ name: "loop0", major: 7, minor: 0, readsCompleted: 1431079, flushesCompleted: 17, flushSeconds: 0.022 });
  });

  it("5.4: 15 fields, discard present, flush absent", () => {
    expect(device("linux-5.4-ubuntu", "nvme0n1")).toMatchObject({
      fieldCount: 15, readsCompleted: 57693127, readBytes: 4198223910 * 512, ioInFlight: 3, weightedIoSeconds: 208731.922,
      discardsCompleted: 12093, discardedBytes: 3902918104 * 512, discardSeconds: 1.204, flushesCompleted: undefined, flushSeconds: undefined,
    });
  });

  it("4.14: 11 fields, no discard or flush", () => {
    expect(device("linux-4.14-centos", "dm-0")).toMatchObject({
      major: 253, minor: 0, fieldCount: 11, writesCompleted: 930193384, writtenBytes: 91203260001 * 512, writeSeconds: 3120933.841,
      ioInFlight: 1, ioBusySeconds: 609331.102, discardsCompleted: undefined, discardSeconds: undefined, flushesCompleted: undefined,
    });
    expect(device("linux-4.14-centos", "dm-0")!.weightedIoSeconds).toBeLessThan(DISKSTATS_MS_FIELD_WRAP_SECONDS);
  });

  it("reads the 4-field partition lines of kernels up to 2.6.24 (iostats.rst example)", () => {
    const text = "   3    0   hda 446216 784926 9550688 4382310 424847 312726 5922052 19310380 0 3376340 23705160\n   3    1   hda1 35486 38030 38030 38030\n";
    const [disk, partition] = parseDiskstats(text).devices;
    expect(disk).toMatchObject({ name: "hda", fieldCount: 11, readsCompleted: 446216, readBytes: 9550688 * 512, weightedIoSeconds: 23705.16 });
    expect(partition).toEqual({
      major: 3, minor: 1, name: "hda1", fieldCount: 4,
      readsCompleted: 35486, readsMerged: undefined, readBytes: 38030 * 512, readSeconds: undefined,
      writesCompleted: 38030, writesMerged: undefined, writtenBytes: 38030 * 512, writeSeconds: undefined,
      ioInFlight: undefined, ioBusySeconds: undefined, weightedIoSeconds: undefined,
      discardsCompleted: undefined, discardsMerged: undefined, discardedBytes: undefined, discardSeconds: undefined,
      flushesCompleted: undefined, flushSeconds: undefined,
    });
  });

  it("ignores fields a newer kernel appends after the 17th", () => {
    const line = " 254       0 vda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19\n";
    expect(parseDiskstats(line).devices[0]).toMatchObject({ fieldCount: 19, readsCompleted: 1, flushesCompleted: 16, flushSeconds: 0.017 });
  });

  it.each([
    ["an empty file", "", "/proc/diskstats:1: empty file"],
    ["a line cut after the name", "   8       0 sda\n", "/proc/diskstats:1: sda: expected 4, 11, 15 or 17 fields after the name, found 0"],
    ["a truncated 15-field line", " 254       0 vda 1 2 3 4 5 6 7 8 9 10 11 12 13\n", "/proc/diskstats:1: vda: expected 4, 11, 15 or 17 fields after the name, found 13"],
    ["a truncated 17-field line", " 254       0 vda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "/proc/diskstats:1: vda: expected 4, 11, 15 or 17 fields after the name, found 16"],
    ["only major and minor", "   8       0\n", "/proc/diskstats:1: expected 'major minor name fields…'"],
    ["a non-numeric field", "   8       0 sda 1 2 3 4 5 6 7 8 9 10 1l\n", '/proc/diskstats:1: sda: field 11 is not an unsigned integer: "1l"'],
    ["a non-numeric major", "   x       0 sda 1 2 3 4\n", '/proc/diskstats:1: sda: major is not an unsigned integer: "x"'],
    ["a bad line after good ones", "   8       0 sda 1 2 3 4\n   8       1 sda1 1 2 3\n", "/proc/diskstats:2: sda1: expected 4, 11, 15 or 17 fields"],
  ])("refuses %s, naming the file and line", (_case, text, message) => {
    expect(parseError(text).message.slice(0, message.length)).toBe(message);
  });

  it("names the file it was given", () => {
    expect(parseError("", "/host/proc/diskstats").message).toMatch(/^\/host\/proc\/diskstats:1: /);
  });
});

describe("isWholeDevice", () => {
  it.each(["sda", "sdaa", "vda", "xvda", "hdb", "nvme0n1", "mmcblk0", "mmcblk0boot0", "dm-0", "dm-12", "md0", "md127", "sr0", "nbd0", "rbd0", "dasda"])(
    "keeps %s",
    (name) => expect(isWholeDevice(name)).toBe(true),
  );

  it.each(["sda1", "sdaa12", "vda1", "xvda2", "hdb3", "nvme0n1p1", "nvme10n2p15", "mmcblk0p1", "md0p1", "nbd0p1", "dasda1", "loop0", "loop7", "ram0", "zram0", "fd0"])(
    "excludes %s",
    (name) => expect(isWholeDevice(name)).toBe(false),
  );

  it("leaves one line per physical disk and volume in the fixtures", () => {
    const whole = (tree: string) => parseDiskstats(fixture(tree)).devices.map((d) => d.name).filter(isWholeDevice);
    expect(whole("linux-6.18-firecracker")).toEqual(["vda"]);
    expect(whole("linux-5.4-ubuntu")).toEqual(["nvme0n1", "dm-0", "sda"]);
    expect(whole("linux-4.14-centos")).toEqual(["sda", "sr0", "dm-0", "dm-1"]);
  });
});
