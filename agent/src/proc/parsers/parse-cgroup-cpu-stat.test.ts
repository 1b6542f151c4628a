// parseCgroupV2CpuStat and parseCgroupV1CpuStat on the cpu.stat files of the trees, on the
// key sets of different kernels and controller set-ups, and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseCgroupV1CpuStat, parseCgroupV2CpuStat } from "./parse-cgroup-cpu-stat";

const readFixture = (tree: string, path: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/${path}`, import.meta.url), "utf8");


describe("parseCgroupV2CpuStat", () => {
  it("reads the Firecracker root cgroup2 (cpu controller on v1): base stats and nice_usec only", () => {
    expect(parseCgroupV2CpuStat(readFixture("linux-6.18-firecracker", "sys/fs/cgroup/unified/cpu.stat"))).toEqual({
      cgroupVersion: 2,
      usageSeconds: 5408.184,
      userSeconds: 3078.34,
      systemSeconds: 2329.844,
      niceSeconds: 79.356,
    });
  });

  it("reads the 5.4 service with a quota: throttling fields, no burst fields yet", () => {
    expect(parseCgroupV2CpuStat(readFixture("linux-5.4-ubuntu", "sys/fs/cgroup/system.slice/lab-worker.service/cpu.stat"))).toEqual({
      cgroupVersion: 2,
      usageSeconds: 8102.334912,
      userSeconds: 7201.002338,
      systemSeconds: 901.332574,
      periods: 3903114,
      throttledPeriods: 1208447,
      throttledSeconds: 12488.203119,
    });
  });

  it("reads every key of a recent kernel with core scheduling and burst", () => {
    const text = "usage_usec 3000000\nuser_usec 2000000\nsystem_usec 1000000\nnice_usec 500000\ncore_sched.force_idle_usec 250000\nnr_periods 10\nnr_throttled 4\nthrottled_usec 1500000\nnr_bursts 2\nburst_usec 20000\nfuture_usec 7\n";
    expect(parseCgroupV2CpuStat(text)).toEqual({
      cgroupVersion: 2,
      usageSeconds: 3,
      userSeconds: 2,
      systemSeconds: 1,
      niceSeconds: 0.5,
      coreSchedForceIdleSeconds: 0.25,
      periods: 10,
      throttledPeriods: 4,
      throttledSeconds: 1.5,
      bursts: 2,
      burstSeconds: 0.02,
    });
  });

  it("rejects an empty file", () => {
    expectParseError(() => parseCgroupV2CpuStat(""), "/sys/fs/cgroup/cpu.stat", 1, /empty file/);
  });

  it("rejects a truncated line", () => {
    expectParseError(() => parseCgroupV2CpuStat("usage_usec 1\nuser_usec\n", "/sys/fs/cgroup/a/cpu.stat"), "/sys/fs/cgroup/a/cpu.stat", 2, /expected "key value", got "user_usec"/);
  });

  it("rejects a non-numeric value", () => {
    expectParseError(() => parseCgroupV2CpuStat("usage_usec 1\nuser_usec 1.5\nsystem_usec 0\n"), "/sys/fs/cgroup/cpu.stat", 2, /user_usec: expected an integer, got "1.5"/);
  });

  it("rejects a file without the base stats, pointing past its end", () => {
    expectParseError(() => parseCgroupV2CpuStat("nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n"), "/sys/fs/cgroup/cpu.stat", 4, /no "usage_usec" line/);
  });
});

describe("parseCgroupV1CpuStat", () => {
  it("reads the Firecracker v1 root group: nanoseconds, burst fields present, all 0", () => {
    expect(parseCgroupV1CpuStat(readFixture("linux-6.18-firecracker", "sys/fs/cgroup/cpu/cpu.stat"), "/sys/fs/cgroup/cpu/cpu.stat")).toEqual({
      cgroupVersion: 1,
      periods: 0,
      throttledPeriods: 0,
      throttledSeconds: 0,
      bursts: 0,
      burstSeconds: 0,
    });
  });

  it("reads the 4.14 root group and a throttled lab group: three keys only", () => {
    const root = parseCgroupV1CpuStat(readFixture("linux-4.14-centos", "sys/fs/cgroup/cpu,cpuacct/cpu.stat"));
    expect(root).toEqual({ cgroupVersion: 1, periods: 0, throttledPeriods: 0, throttledSeconds: 0 });
    expect(Object.keys(root)).toEqual(["cgroupVersion", "periods", "throttledPeriods", "throttledSeconds"]);
    expect(parseCgroupV1CpuStat(readFixture("linux-4.14-centos", "sys/fs/cgroup/cpu,cpuacct/lab/cpu.stat"))).toEqual({
      cgroupVersion: 1,
      periods: 412093,
      throttledPeriods: 120338,
      throttledSeconds: 9022.741339112,
    });
  });

  it("reads wait_sum and burst_time, and ignores unknown keys", () => {
    expect(parseCgroupV1CpuStat("nr_periods 56\nnr_throttled 52\nthrottled_time 7200000000\nwait_sum 1500000000\nnr_bursts 3\nburst_time 20000000\nthrottled_time_self 5\n")).toEqual({
      cgroupVersion: 1,
      periods: 56,
      throttledPeriods: 52,
      throttledSeconds: 7.2,
      waitSeconds: 1.5,
      bursts: 3,
      burstSeconds: 0.02,
    });
  });

  it("accepts a count printed negative (%d after a wrap) instead of failing the collector", () => {
    expect(parseCgroupV1CpuStat("nr_periods -2147483000\nnr_throttled 1\nthrottled_time 0\n").periods).toBe(-2147483000);
  });

  it("rejects an empty file", () => {
    expectParseError(() => parseCgroupV1CpuStat(""), "/sys/fs/cgroup/cpu,cpuacct/cpu.stat", 1, /empty file/);
  });

  it("rejects a line with an extra field", () => {
    expectParseError(() => parseCgroupV1CpuStat("nr_periods 1 2\n"), "/sys/fs/cgroup/cpu,cpuacct/cpu.stat", 1, /expected "key value", got "nr_periods 1 2"/);
  });

  it("rejects a non-numeric value", () => {
    expectParseError(() => parseCgroupV1CpuStat("nr_periods 1\nnr_throttled x\nthrottled_time 0\n"), "/sys/fs/cgroup/cpu,cpuacct/cpu.stat", 2, /nr_throttled: expected an integer, got "x"/);
  });

  it("rejects a file cut short", () => {
    expectParseError(() => parseCgroupV1CpuStat("nr_periods 1\nnr_throttled 0\n", "/sys/fs/cgroup/cpu/lab/cpu.stat"), "/sys/fs/cgroup/cpu/lab/cpu.stat", 3, /no "throttled_time" line/);
  });
});
