// The install commands carry the token and URLs through single quotes, so nothing in them
// is interpreted by the shell they are pasted into.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { installCommands } from "./install-commands";

describe("installCommands", () => {
  it("downloads the agent from this server and runs it with the token in the environment", () => {
    const { run, service, token } = installCommands("https://perflab.example.com/", "pla_abc-123");
    expect(token).toBe("pla_abc-123");
    expect(run).toBe("curl -fsSLo agent.mjs 'https://perflab.example.com/api/agent/agent.mjs' && PERFLAB_AGENT_TOKEN='pla_abc-123' node agent.mjs run --server 'https://perflab.example.com'");
    expect(service).toContain("-O 'https://perflab.example.com/api/agent/install.sh' -O 'https://perflab.example.com/api/agent/perflab-agent.service'");
    expect(service).toContain("sudo sh install.sh --agent-file agent.mjs --server 'https://perflab.example.com' --token 'pla_abc-123'");
  });

  it("quotes a URL with shell metacharacters so the shell passes it through unchanged", () => {
    const hostile = "https://x.example/$(touch pwned)'; echo `id`";
    const { run } = installCommands(hostile, "pla_t");
    const serverArgument = run.slice(run.indexOf("--server ") + "--server ".length);
    expect(execFileSync("sh", ["-c", `printf %s ${serverArgument}`], { encoding: "utf8" })).toBe(hostile);
  });
});
