// /proc/diskstats: I/O counters per block device and partition, host-global.
// Format: block/genhd.c diskstats_show, "%4d %7d %s" then the fields of
// Documentation/admin-guide/iostats.rst; how many depends on the kernel
// (Documentation/ABI/testing/procfs-diskstats):
//
//    4 fields  partitions on 2.6.0 – 2.6.24: reads issued, sectors read, writes issued, sectors written
//   11 fields  reads, merges, sectors, ms; writes, merges, sectors, ms; in_flight, io_ticks ms, weighted ms
//   15 fields  4.18+: discards, merges, sectors, ms
//   17 fields  5.5+:  flushes, flush ms
//
// Units are converted once here (STYLE habit 3). "Sectors" are always 512-byte units,
// whatever the device's logical block size: "the standard UNIX 512-byte sectors, not any
// device- or filesystem-specific block size" (Documentation/block/stat.rst, the sysfs view
// of the same counters, which iostats.rst says "use the same source"). Times are ms → s.
//
// Wraps: the ms fields and in_flight are unsigned int (iostats.rst; diskstats_show casts the
// ns sums to unsigned int), so each ms field wraps at 2^32 ms = 4294967.296 s
// (DISKSTATS_MS_FIELD_WRAP_SECONDS), sooner for weighted time under deep queues. The counts
// and sectors are unsigned long (64-bit on 64-bit kernels); above 2^53 a JavaScript number
// rounds the last digits, harmless for rates.
import { ProcParseError } from "../parse-error";

export const DISKSTATS_MS_FIELD_WRAP_SECONDS = 2 ** 32 / 1000;

const SECTOR_BYTES = 512;
const MS_PER_SECOND = 1000;

export type TDiskDevice = {
  major: number;
  minor: number;
  name: string;
  /** Fields after the name: 4, 11, 15, 17, or more on kernels newer than this parser. */
  fieldCount: number;
  /** With 4 fields: reads issued to the partition, counted before merging. */
  readsCompleted: number;
  readsMerged: number | undefined;
  readBytes: number;
  readSeconds: number | undefined;
  writesCompleted: number;
  writesMerged: number | undefined;
  writtenBytes: number;
  writeSeconds: number | undefined;
  /** Gauge: requests issued to the driver and not completed at read time. */
  ioInFlight: number | undefined;
  /** io_ticks: time with at least one request in flight (%util = Δ / Δt). */
  ioBusySeconds: number | undefined;
  /** time_in_queue: request time summed over requests (average queue size = Δ / Δt). */
  weightedIoSeconds: number | undefined;
  discardsCompleted: number | undefined;
  discardsMerged: number | undefined;
  discardedBytes: number | undefined;
  discardSeconds: number | undefined;
  flushesCompleted: number | undefined;
  flushSeconds: number | undefined;
};

export type TDiskstats = {
  devices: TDiskDevice[];
};

const UNSIGNED_DECIMAL = /^\d+$/;
const KNOWN_FIELD_COUNTS = [4, 11, 15, 17];

export function parseDiskstats(text: string, file = "/proc/diskstats"): TDiskstats {
  const devices: TDiskDevice[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    devices.push(parseDeviceLine(line, index + 1, file));
  });
  // Every Linux host has at least one block device (a root disk, loop or ram devices), so an
  // empty text means the file was read wrongly, e.g. copied with a tool that saw size 0.
  if (devices.length === 0) throw new ProcParseError(file, "empty file, expected one line per block device", 1);
  return { devices };
}

function parseDeviceLine(line: string, lineNumber: number, file: string): TDiskDevice {
  const tokens = line.trim().split(/\s+/);
  const name = tokens[2];
  if (name === undefined) throw new ProcParseError(file, "expected 'major minor name fields…'", lineNumber);
  const fieldCount = tokens.length - 3;
  if (!KNOWN_FIELD_COUNTS.includes(fieldCount) && fieldCount < 17) {
    throw new ProcParseError(file, `${name}: expected 4, 11, 15 or 17 fields after the name, found ${fieldCount}`, lineNumber);
  }

  const major = toUnsigned(tokens[0]!, "major", name, lineNumber, file);
  const minor = toUnsigned(tokens[1]!, "minor", name, lineNumber, file);
  const fields: number[] = [];
  for (let position = 1; position <= fieldCount; position++) {
    fields.push(toUnsigned(tokens[position + 2]!, position, name, lineNumber, file));
  }
  return fieldCount === 4 ? partitionSummary(major, minor, name, fields) : fullStatistics(major, minor, name, fields);
}

/** `what` is "major", "minor" or the 1-based field number, named only when the value is bad. */
function toUnsigned(value: string, what: "major" | "minor" | number, name: string, lineNumber: number, file: string): number {
  if (!UNSIGNED_DECIMAL.test(value)) {
    const label = typeof what === "number" ? `field ${what}` : what;
    throw new ProcParseError(file, `${name}: ${label} is not an unsigned integer: ${JSON.stringify(value)}`, lineNumber);
  }
  return Number(value);
}

/** Fields 1–11, plus discard (12–15) and flush (16–17) when the kernel prints them. */
function fullStatistics(major: number, minor: number, name: string, fields: number[]): TDiskDevice {
  return {
    major, minor, name, fieldCount: fields.length,
    readsCompleted: fields[0]!,
    readsMerged: fields[1],
    readBytes: fields[2]! * SECTOR_BYTES,
    readSeconds: msToSeconds(fields[3]),
    writesCompleted: fields[4]!,
    writesMerged: fields[5],
    writtenBytes: fields[6]! * SECTOR_BYTES,
    writeSeconds: msToSeconds(fields[7]),
    ioInFlight: fields[8],
    ioBusySeconds: msToSeconds(fields[9]),
    weightedIoSeconds: msToSeconds(fields[10]),
    discardsCompleted: fields[11],
    discardsMerged: fields[12],
    discardedBytes: sectorsToBytes(fields[13]),
    discardSeconds: msToSeconds(fields[14]),
    flushesCompleted: fields[15],
    flushSeconds: msToSeconds(fields[16]),
  };
}

/** The 4-field partition line of 2.6.0 – 2.6.24: reads issued, sectors read, writes issued, sectors written. */
function partitionSummary(major: number, minor: number, name: string, fields: number[]): TDiskDevice {
  return {
    major, minor, name, fieldCount: 4,
    readsCompleted: fields[0]!, readsMerged: undefined, readBytes: fields[1]! * SECTOR_BYTES, readSeconds: undefined,
    writesCompleted: fields[2]!, writesMerged: undefined, writtenBytes: fields[3]! * SECTOR_BYTES, writeSeconds: undefined,
    ioInFlight: undefined, ioBusySeconds: undefined, weightedIoSeconds: undefined,
    discardsCompleted: undefined, discardsMerged: undefined, discardedBytes: undefined, discardSeconds: undefined,
    flushesCompleted: undefined, flushSeconds: undefined,
  };
}

function sectorsToBytes(sectors: number | undefined): number | undefined {
  return sectors === undefined ? undefined : sectors * SECTOR_BYTES;
}

function msToSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / MS_PER_SECOND;
}

// Which lines are devices worth charting, so totals do not count the same I/O twice.
// Excluded: partitions (their I/O is also counted on the parent disk) and pseudo devices
// that are memory or files, not storage (loop, ram, zram, fd). Kept, unlike a stricter
// filter: dm-N (LVM, LUKS, multipath) and mdN (software RAID). They are the volumes
// filesystems are mounted on, so their latency and queue depth are what applications
// feel; they overlap with their underlying disks, so a total must not add both kinds.
// node_exporter's default exclusion, ^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$,
// also keeps dm and md; this one also catches sdaa1 (>26 disks), mmcblk0p1, md0p1, nbd0p1
// and dasda1, following the kernel's naming rule (block/genhd.c disk_name): a partition is
// the disk name plus its number, with a "p" between when the disk name ends in a digit.
const PSEUDO_DEVICE = /^(?:loop|ram|zram|fd)\d+$/;
const LETTER_DISK_PARTITION = /^(?:[hsv]d|xvd|dasd)[a-z]+\d+$/;
const DIGIT_DISK_PARTITION = /\dp\d+$/;

export function isWholeDevice(name: string): boolean {
  return !PSEUDO_DEVICE.test(name) && !LETTER_DISK_PARTITION.test(name) && !DIGIT_DISK_PARTITION.test(name);
}
