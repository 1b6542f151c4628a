// install.sh into a scratch root: files in place, the token readable by its owner only,
// and clear refusals for missing arguments.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const INSTALL = resolve(dirname(fileURLToPath(import.meta.url)), "install.sh");
const scratch = mkdtempSync(join(tmpdir(), "perflab-install-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("install.sh", () => {
  it("installs the agent, its unit and a private configuration file", () => {
    const agentFile = join(scratch, "agent.mjs");
    writeFileSync(agentFile, "console.log('agent')\n");
    const root = join(scratch, "root");
    execFileSync("sh", [INSTALL, "--server", "https://perflab.example.com", "--token", "pla_secret", "--agent-file", agentFile, "--root", root]);
    expect(readFileSync(join(root, "opt/perflab-agent/agent.mjs"), "utf8")).toContain("agent");
    expect(readFileSync(join(root, "etc/systemd/system/perflab-agent.service"), "utf8")).toMatch(/ExecStart=\/usr\/bin\/env node \/opt\/perflab-agent\/agent.mjs run/);
    expect(readFileSync(join(root, "etc/perflab-agent.env"), "utf8")).toBe("PERFLAB_SERVER_URL=https://perflab.example.com\nPERFLAB_AGENT_TOKEN=pla_secret\n");
    expect(statSync(join(root, "etc/perflab-agent.env")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, "etc/systemd/system/perflab-agent.service"), "utf8")).toContain("StateDirectory=perflab-agent");
    expect(existsSync(join(root, "etc/systemd/system/perflab-agent.service.d/scenarios.conf"))).toBe(false); // scenarios need asking for
  });

  it("with --scenarios, lets the agent run every scenario: as root, without its CPU and memory limits", () => {
    const agentFile = join(scratch, "agent.mjs");
    writeFileSync(agentFile, "console.log('agent')\n");
    const root = join(scratch, "root-scenarios");
    execFileSync("sh", [INSTALL, "--server", "https://perflab.example.com", "--token", "pla_secret", "--agent-file", agentFile, "--root", root, "--scenarios"]);
    const dropIn = readFileSync(join(root, "etc/systemd/system/perflab-agent.service.d/scenarios.conf"), "utf8");
    expect(dropIn).toContain("User=root");
    expect(dropIn).toContain("CPUQuota=\n");
    expect(dropIn).toContain("MemoryMax=infinity");
  });

  it.each([
    [["--token", "t"], /--server is required/],
    [["--server", "perflab.example.com", "--token", "t"], /must start with http/],
    [["--server", "https://x.example"], /--token is required/],
    [["--server", "https://x.example", "--token", "t", "--agent-file", "/nonexistent.js", "--root", "/tmp/x"], /not found/],
    [["--frobnicate"], /unknown option --frobnicate/],
  ])("refuses %j with a reason", (args, message) => {
    const result = spawnSync("sh", [INSTALL, ...args], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
