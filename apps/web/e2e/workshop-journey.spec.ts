// A whole workshop, one instructor and three learners, each in a browser of their own with
// a real agent on their lab machine (all three on this machine): join by code, progress
// appears live in the matrix with each machine's state and thumbnail, a scenario started
// for everyone reproduces on every machine, a drill is diagnosed correctly by one learner
// and wrongly by another and graded so, the reveal reaches the learners, and the CSV,
// the printable summary hold all of it. Learners get 404 for the instructor's views.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, FIRST_ADMIN, inviteLearner, signIn, test } from "./fixtures";
import { runShell, type TShell } from "./shell";

const INSTRUCTOR = { name: "Iris Instructor", email: "iris@example.com", password: "instructor password 2" };
const LEARNERS = [
  { name: "Ann Able", email: "ann@example.com", password: "ann learner password", machine: "ann-lab" },
  { name: "Ben Busy", email: "ben@example.com", password: "ben learner password", machine: "ben-lab" },
  { name: "Cat Quiet", email: "cat@example.com", password: "cat learner password", machine: "cat-lab" },
];
const utcInput = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 16);

/** Enrols a machine, runs the agent command shown once (a real agent, added to `agents` at once so it is stopped whatever fails), and attaches the machine. */
async function joinWithMachine(page: Page, code: string, machine: string, scratch: string, agents: TShell[]): Promise<void> {
  await page.goto("/workshops");
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByTestId("attach-machine")).toBeVisible();
  const workshopUrl = page.url();
  await page.goto("/labs");
  await page.getByLabel("Machine name").fill(machine);
  await page.getByRole("button", { name: "Enrol machine" }).click();
  const agent = runShell(await page.getByTestId("run-command").inputValue(), scratch, { ...process.env, PERFLAB_STATE_DIR: join(scratch, machine) });
  agents.push(agent);
  await expect.poll(agent.output, { timeout: 30_000 }).toContain("connected to");
  await page.goto(workshopUrl);
  await page.getByTestId("attach-machine").selectOption({ label: machine });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("attach-machine")).not.toHaveValue("");
}

test("one instructor and three learners through a whole workshop: live matrix, run for everyone, a graded drill, the report", async ({ page, browser }) => {
  test.skip(process.getuid?.() !== 0, "the learners' lab machine is this machine and cpu-starvation needs root; the e2e runs as root in CI");
  test.setTimeout(300_000);
  await signIn(page, FIRST_ADMIN);
  const instructor = await inviteLearner(page, browser, INSTRUCTOR, "INSTRUCTOR");
  const learnerPages: Page[] = [];
  for (const learner of LEARNERS) learnerPages.push(await inviteLearner(page, browser, learner)); // one admin page: one at a time
  const [ann, ben, cat] = learnerPages;
  await instructor.goto("/workshops");
  await instructor.getByLabel("Title").fill("Performance bootcamp");
  await instructor.getByLabel("Starts (UTC)").fill(utcInput(-1));
  await instructor.getByLabel("Ends (UTC)").fill(utcInput(6));
  await instructor.getByLabel(/Topics, in order/).fill("2.2, 3.4");
  await instructor.getByRole("button", { name: "Create workshop" }).click();
  await expect(instructor).toHaveURL(/\/workshops\/[\w-]+$/);
  const workshopPath = new URL(instructor.url()).pathname;
  const code = (await instructor.getByTestId("join-code").textContent())!.trim();

  const scratch = mkdtempSync(join(tmpdir(), "perflab-e2e-workshop-"));
  const agents: TShell[] = [];
  try {
    for (const [index, learner] of [ann!, ben!, cat!].entries()) await joinWithMachine(learner, code, LEARNERS[index]!.machine, scratch, agents);

    // The live view: every learner, online, with a thumbnail of their machine's last minute.
    await instructor.reload();
    await expect(instructor.getByTestId("progress-matrix")).toHaveAttribute("data-live", "true");
    const rowOf = (name: string) => instructor.getByTestId("matrix-row").filter({ hasText: name });
    for (const learner of LEARNERS) {
      await expect(rowOf(learner.name).getByTestId("machine-state")).toHaveText("online");
      await expect(rowOf(learner.name).getByTestId("machine-thumbnail")).toHaveAttribute("data-cpu-busy", /\d/, { timeout: 20_000 });
    }
    // Progress appears without a reload.
    expect((await ann!.request.post("/api/topics/2.2/heartbeat", { data: { activeSeconds: 30, timezoneOffsetMinutes: 0 } })).status()).toBe(200);
    expect((await ben!.request.post("/api/topics/3.4/heartbeat", { data: { activeSeconds: 30, timezoneOffsetMinutes: 0 } })).status()).toBe(200);
    await expect(rowOf("Ann Able").getByTestId("cell-2.2")).toHaveText("reading");
    await expect(rowOf("Ben Busy").getByTestId("cell-3.4")).toHaveText("reading");
    await expect(rowOf("Cat Quiet").getByTestId("cell-2.2")).toHaveText("–");

    // Run for everyone, with a countdown: each machine's verdict arrives.
    await ann!.goto(workshopPath);
    const panel = instructor.getByTestId("run-panel");
    await panel.getByTestId("run-scenario").selectOption("cpu-starvation|");
    await panel.getByLabel("Duration (s)").fill("5");
    await panel.getByLabel("Countdown (s)").fill("3");
    await panel.getByRole("button", { name: "Start for the selected learners" }).click();
    await expect(panel.getByTestId("run-outcome")).toContainText("Starting on 3 machine(s)");
    await expect(ann!.getByTestId("run-announcement")).toContainText(/starts in \d s|started/);
    const openRun = instructor.getByTestId("workshop-run").filter({ hasText: "Run for everyone: cpu-starvation" });
    for (const learner of LEARNERS) {
      await expect(openRun.getByTestId("run-learner").filter({ hasText: learner.name }).getByTestId("run-state")).toContainText("done, reproduced", { timeout: 120_000 });
    }

    // A drill: hidden from learners; Ann diagnoses it right, Ben wrong, Cat not at all.
    await panel.getByTestId("run-scenario").selectOption("cpu-starvation|");
    await panel.getByLabel("Duration (s)").fill("5");
    await panel.getByLabel("Countdown (s)").fill("0");
    await panel.getByTestId("run-is-drill").check();
    await panel.getByRole("button", { name: "Start for the selected learners" }).click();
    await expect(panel.getByTestId("run-outcome")).toContainText("Starting on 3 machine(s)");
    const drill = instructor.getByTestId("workshop-run").filter({ hasText: "Drill: cpu-starvation" });
    await expect(drill).toContainText("hidden from learners");
    for (const [learner, subsystem, mechanism] of [[ann!, "cpu", "run-queue-saturation"], [ben!, "memory", "major-fault-thrashing"]] as const) {
      await learner.goto(workshopPath);
      const card = learner.getByTestId("learner-drill");
      await expect(card).toBeVisible();
      await expect(learner.locator("body")).not.toContainText("cpu-starvation"); // the scenario stays hidden
      await card.getByTestId("diagnosis-subsystem").selectOption(subsystem);
      await card.getByTestId("diagnosis-mechanism").selectOption(mechanism);
      await card.getByTestId("diagnosis-evidence").fill("short");
      await card.getByRole("button", { name: "Send diagnosis" }).click();
      await expect(card.getByText(/at least 10 characters/)).toBeVisible(); // refused, nothing lost
      await expect(card.getByTestId("diagnosis-mechanism")).toHaveValue(mechanism);
      await expect(card.getByTestId("diagnosis-evidence")).toHaveValue("short");
      await card.getByTestId("diagnosis-evidence").fill("procs_running stays above the CPU count and PSI cpu some is high");
      await card.getByRole("button", { name: "Send diagnosis" }).click();
      await expect(card).toContainText("Diagnosis sent");
    }
    await expect(drill.getByTestId("run-learner").filter({ hasText: "Ann Able" }).getByTestId("diagnosis-grade")).toHaveText("correct");
    await expect(drill.getByTestId("run-learner").filter({ hasText: "Ben Busy" }).getByTestId("diagnosis-grade")).toHaveText("wrong");
    await expect(drill.getByTestId("run-learner").filter({ hasText: "Cat Quiet" }).getByTestId("diagnosis")).toHaveText("no diagnosis yet");
    for (const learner of LEARNERS) {
      await expect(drill.getByTestId("run-learner").filter({ hasText: learner.name }).getByTestId("run-state")).toContainText("done", { timeout: 120_000 });
    }
    await drill.getByLabel(/Debrief/).fill("Four busy threads on two CPUs: the run queue and PSI cpu say it, not memory.");
    await drill.getByRole("button", { name: "Reveal the answer" }).click();
    await expect(drill).toContainText("revealed");
    // The reveal reaches the learners' open pages.
    await expect(ann!.getByTestId("drill-answer")).toContainText("cpu-starvation", { timeout: 15_000 });
    await expect(ann!.getByTestId("drill-grade")).toContainText("correct");
    await expect(ben!.getByTestId("drill-grade")).toContainText("wrong");
    await expect(ben!.locator("body")).not.toContainText("Ann Able"); // never another learner's answer, or name
    await cat!.goto(workshopPath);
    await expect(cat!.getByTestId("drill-answer")).toContainText("You sent no diagnosis.");

    // The report holds all of it; learners cannot read it.
    const apiPath = workshopPath.replace("/workshops/", "/api/workshops/");
    const csv = await (await instructor.request.get(`${apiPath}/report?format=csv`)).text();
    expect(csv).toContain("ann@example.com,Ann Able,topic,2.2,IN_PROGRESS");
    expect(csv).toContain("ben@example.com,Ben Busy,topic,3.4,IN_PROGRESS");
    for (const learner of LEARNERS) expect(csv).toMatch(new RegExp(`${learner.email},${learner.name},scenario-run,cpu-starvation,done,,,,,,\\w+,yes,[^,]*,run-for-everyone,`));
    expect(csv).toMatch(/ann@example.com,Ann Able,drill,cpu-starvation,correct,.*,drill,cpu,run-queue-saturation,\d+,procs_running stays above/);
    expect(csv).toMatch(/ben@example.com,Ben Busy,drill,cpu-starvation,wrong,.*,drill,memory,major-fault-thrashing,\d+,/);
    expect(csv).toMatch(/cat@example.com,Cat Quiet,drill,cpu-starvation,no-diagnosis,/);
    for (const path of [`${apiPath}/report?format=csv`, `${apiPath}/runs`, `${apiPath}/matrix`]) expect((await ben!.request.get(path)).status()).toBe(404);

    await instructor.getByTestId("summary-link").click();
    await expect(instructor.getByTestId("summary-drills")).toContainText("1 / 3");
    await expect(instructor.getByTestId("summary-runs")).toContainText("3 / 3");
    await expect(instructor.getByTestId("summary-learners")).toContainText("Ann Able");
    expect((await ben!.goto(`${workshopPath}/summary`))?.status()).toBe(404);
  } finally {
    for (const agent of agents) agent.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});
