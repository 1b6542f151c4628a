// parseVmstat on /proc/vmstat from the three trees (whose field lists differ by kernel
// version) and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseVmstat } from "./parse-vmstat";

const readFixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/vmstat`, import.meta.url), "utf8");


describe("parseVmstat on captured and documented files", () => {
  it("reads the Firecracker 6.18 capture: all 192 fields by name", () => {
    const vmstat = parseVmstat(readFixture("linux-6.18-firecracker"));
    expect(Object.keys(vmstat)).toHaveLength(192);
    expect(vmstat).toMatchObject({
      nr_free_pages: 1643434,
      pgfault: 57449847,
      pgmajfault: 9530,
      workingset_refault_file: 492802,
      nr_file_hugepages: 12,
      pgscan_file: 0,
      oom_kill: 0,
      nr_unstable: 0,
    });
    expect(vmstat).not.toHaveProperty("workingset_refault");
  });

  it("keeps only the names asked for, still checking every line", () => {
    expect(parseVmstat(readFixture("linux-6.18-firecracker"), "/proc/vmstat", new Set(["pgmajfault", "oom_kill", "not_in_this_kernel"]))).toEqual({ pgmajfault: 9530, oom_kill: 0 });
    expectParseError(() => parseVmstat("nr_free_pages 1\npgfault x\n", "/proc/vmstat", new Set(["nr_free_pages"])), "/proc/vmstat", 2, /expected "name value"/);
  });

  it("reads the 5.4 file: workingset_* not yet split into anon and file", () => {
    const vmstat = parseVmstat(readFixture("linux-5.4-ubuntu"));
    expect(Object.keys(vmstat)).toHaveLength(138);
    expect(vmstat).toMatchObject({ nr_free_pages: 1525586, workingset_refault: 3120933, workingset_restore: 402993, pgfault: 4120933112, pgmajfault: 120339, oom_kill: 1, swap_ra_hit: 209 });
    expect(vmstat).not.toHaveProperty("pgscan_file");
  });

  it("reads the 4.14 file: no workingset_restore, no nr_kernel_misc_reclaimable yet", () => {
    const vmstat = parseVmstat(readFixture("linux-4.14-centos"));
    expect(Object.keys(vmstat)).toHaveLength(133);
    expect(vmstat).toMatchObject({ nr_free_pages: 2280086, workingset_refault: 20933841, pgfault: 41120933841, pgmajfault: 412093, oom_kill: 0 });
    for (const later of ["workingset_restore", "workingset_nodes", "nr_kernel_misc_reclaimable", "nr_file_hugepages"]) expect(vmstat).not.toHaveProperty(later);
  });

  it("keeps unknown fields and values beyond 2^53 (approximately)", () => {
    const vmstat = parseVmstat("nr_free_pages 5\nnr_isolated_anon 18446744073709551615\nbrand_new_counter 3\n");
    expect(vmstat.brand_new_counter).toBe(3);
    expect(vmstat.nr_isolated_anon).toBe(2 ** 64);
  });
});

describe("parseVmstat on malformed input", () => {
  it("rejects an empty file", () => {
    expectParseError(() => parseVmstat(""), "/proc/vmstat", 1, /empty file/);
  });

  it("rejects a truncated line", () => {
    expectParseError(() => parseVmstat("nr_free_pages 5\npgfault\n", "/host/proc/vmstat"), "/host/proc/vmstat", 2, /expected "name value", got "pgfault"/);
  });

  it("rejects a non-numeric value", () => {
    expectParseError(() => parseVmstat("nr_free_pages 5\npgfault -3\n"), "/proc/vmstat", 2, /got "pgfault -3"/);
  });

  it("rejects a file without nr_free_pages, pointing past its end", () => {
    expectParseError(() => parseVmstat("pgfault 3\n"), "/proc/vmstat", 2, /no "nr_free_pages" line/);
  });
});
