import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localAgentFilePath, readLocalAgentFile, writeLocalAgentFile } from "./local-agent-file";

describe("the local agent file", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "perflab-local-agent-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is absent before the first enrolment", () => {
    expect(readLocalAgentFile(dataDir)).toBeNull();
  });

  it("keeps the machine and its token readable by the owner only, and nothing beside it", () => {
    writeLocalAgentFile(dataDir, { agentId: "machine-1", token: "pla_secret" });
    expect(readLocalAgentFile(dataDir)).toEqual({ agentId: "machine-1", token: "pla_secret" });
    expect(statSync(localAgentFilePath(dataDir)).mode & 0o777).toBe(0o600);
    writeLocalAgentFile(dataDir, { agentId: "machine-1", token: "pla_renewed" });
    expect(readLocalAgentFile(dataDir)?.token).toBe("pla_renewed");
    expect(readdirSync(dataDir)).toEqual(["local-agent.json"]);
  });

  it.each([["not json"], [JSON.stringify({ agentId: "machine-1" })]])("names the file and the way out when it holds %j", (content) => {
    writeFileSync(localAgentFilePath(dataDir), content);
    expect(() => readLocalAgentFile(dataDir)).toThrow(/local-agent\.json .*; delete it to enrol this machine again/);
  });
});
