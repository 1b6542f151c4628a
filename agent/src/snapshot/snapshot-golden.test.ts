// Golden tests: `perflab-agent snapshot --json` over captured and documented /proc trees
// of three kernel generations must print exactly the committed expected-snapshot.json.
// After an intended change, regenerate with UPDATE_GOLDEN=1 and review the diff.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const AGENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TREES = ["linux-4.14-centos", "linux-5.4-ubuntu", "linux-6.18-firecracker"];

function runSnapshot(tree: string): string {
  const root = join(AGENT_DIR, "fixtures/proc-trees", tree);
  return execFileSync(process.execPath, ["--import", "tsx", join(AGENT_DIR, "src/main.ts"), "snapshot", "--json", "--proc-root", join(root, "proc"), "--cgroup-root", join(root, "sys/fs/cgroup")], {
    encoding: "utf8",
    cwd: AGENT_DIR,
  });
}

describe("snapshot golden files", () => {
  it.each(TREES)("%s", (tree) => {
    const output = runSnapshot(tree);
    const goldenPath = join(AGENT_DIR, "fixtures/proc-trees", tree, "expected-snapshot.json");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, output);
    expect(output).toBe(readFileSync(goldenPath, "utf8"));
  });

  it("the three generations differ where the kernel did", () => {
    const [old, middle, current] = TREES.map((tree) => JSON.parse(readFileSync(join(AGENT_DIR, "fixtures/proc-trees", tree, "expected-snapshot.json"), "utf8")) as { capabilities: { psi: { cpu: boolean }; softnetCpuColumn: boolean; diskstatsFields: number; cgroup: string } });
    expect([old!.capabilities.psi.cpu, middle!.capabilities.psi.cpu, current!.capabilities.psi.cpu]).toEqual([false, true, true]);
    expect([old!.capabilities.softnetCpuColumn, middle!.capabilities.softnetCpuColumn, current!.capabilities.softnetCpuColumn]).toEqual([false, false, true]);
    expect([old!.capabilities.diskstatsFields, middle!.capabilities.diskstatsFields, current!.capabilities.diskstatsFields]).toEqual([11, 15, 17]);
  });
});
