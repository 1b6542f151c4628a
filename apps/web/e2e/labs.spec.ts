// Enrolling a lab machine end to end: the admin (first-admin.spec.ts) enrols one, runs the
// command the page shows once (a real agent, downloaded from this server), sees the
// machine online, then revokes it: the agent is dropped, refused, and exits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, FIRST_ADMIN, signIn, test } from "./fixtures";
import { runShell } from "./shell";

test("enrol a machine, run the command shown once, see it online, revoke it", async ({ page }) => {
  await signIn(page, FIRST_ADMIN);
  await page.goto("/labs");
  await page.getByLabel("Machine name").fill("e2e-lab");
  await page.getByRole("button", { name: "Enrol machine" }).click();
  const command = await page.getByTestId("run-command").inputValue();
  const token = /pla_[\w-]+/.exec(command)?.[0];
  expect(token).toBeDefined();

  const scratch = mkdtempSync(join(tmpdir(), "perflab-e2e-agent-"));
  const agent = runShell(command, scratch);
  try {
    await expect.poll(agent.output, { timeout: 30_000 }).toContain("connected to");
    await page.reload();
    const machine = page.getByTestId("lab-machine").filter({ hasText: "e2e-lab" });
    await expect(machine).toContainText("online");
    await expect(machine).toContainText(/Linux \d+\.\d+/);
    expect(await page.content()).not.toContain(token!); // shown once, never again

    await machine.getByRole("button", { name: "Revoke" }).click();
    await expect(machine).toContainText("revoked");
    expect(await agent.exited).toBe(3);
    expect(agent.output()).toContain("the server refused this agent");
  } finally {
    agent.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});
