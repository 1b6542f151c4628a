// A lab machine's live page end to end: a learner enrols a machine and runs the shown
// command (a real agent), watches its CPU chart climb when a CPU load starts; a second
// learner can open neither the page nor, with a hand-made socket, its room. Then the
// microburst view: 10 ms sampling shows a UDP burst across a veth pair (in a private
// network namespace) that the 1 s average flattens.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIVE_EVENTS, type TAck } from "@perflab/protocol";
import type { Page } from "@playwright/test";
import { io } from "socket.io-client";
import { expect, FIRST_ADMIN, inviteLearner, signIn, test } from "./fixtures";
import { runShell, type TShell } from "./shell";

const ADA = { name: "Ada Lab", email: "ada.lab@example.com", password: "ada lab password 1" };
const KEN = { name: "Ken Other", email: "ken.other@example.com", password: "ken other password 1" };

/** Enrols a machine from /labs, runs the command shown once, and opens its live page. */
async function enrolAndOpen(page: Page, name: string, scratch: string): Promise<{ agent: TShell; machineId: string }> {
  await page.goto("/labs");
  await page.getByLabel("Machine name").fill(name);
  await page.getByRole("button", { name: "Enrol machine" }).click();
  // The agent keeps its scenario scripts in the scratch directory, not in /var/lib.
  const agent = runShell(await page.getByTestId("run-command").inputValue(), scratch, { ...process.env, PERFLAB_STATE_DIR: join(scratch, "state") });
  await expect.poll(agent.output, { timeout: 30_000 }).toContain("connected to");
  await page.goto("/labs");
  await page.getByTestId("lab-machine-link").filter({ hasText: name }).click();
  await expect(page).toHaveURL(/\/labs\/[\w-]+$/);
  const machineId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("machine-state")).toContainText("online");
  await expect(page.getByTestId("connection-state")).toContainText("live");
  return { agent, machineId };
}

/** Spins every CPU of this machine for a while (the lab machine is this machine). */
const cpuLoad = (seconds: number) => runShell(`for i in 1 2 3 4; do node -e 'const end = Date.now() + ${seconds * 1000}; while (Date.now() < end) {}' & done; wait`, tmpdir());

const latestMax = async (page: Page, chartId: string) => Number((await page.getByTestId(`chart-${chartId}`).getAttribute("data-latest-max")) || "NaN");

test("a learner's lab page moves with the machine; another learner can open neither the page nor its room", async ({ page, browser, baseURL }) => {
  await signIn(page, FIRST_ADMIN);
  const ada = await inviteLearner(page, browser, ADA);
  const ken = await inviteLearner(page, browser, KEN);
  const scratch = mkdtempSync(join(tmpdir(), "perflab-e2e-live-"));
  const { agent, machineId } = await enrolAndOpen(ada, "ada-lab", scratch);
  let load: TShell | null = null;
  try {
    await expect(ada.getByTestId("host-facts")).toContainText(/Linux \d+\.\d+/);
    await expect(ada.getByTestId("chart-cpu-busy")).toBeVisible();
    await expect.poll(() => latestMax(ada, "cpu-busy"), { timeout: 15_000 }).toBeLessThan(80);
    load = cpuLoad(25);
    await expect.poll(() => latestMax(ada, "cpu-busy"), { timeout: 20_000 }).toBeGreaterThan(80);
    await expect.poll(() => latestMax(ada, "run-queue"), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // Paused, the view stops following and a scrub slider covers what is held; then back to live.
    await ada.getByTestId("pause-button").click();
    await expect(ada.getByTestId("scrub")).toBeVisible();
    await ada.getByTestId("window-select").selectOption("3600");
    await ada.getByTestId("pause-button").click();
    await expect(ada.getByTestId("scrub")).toBeHidden();
    // Every resource has its charts, with a unit, a meaning and a topic link.
    await ada.getByTestId("tab-memory").click();
    await expect(ada.getByTestId("chart-memory-available")).toContainText("Topic 3.1");
    await ada.getByTestId("tab-network").click();
    await expect(ada.getByTestId("latest-net-bytes")).toContainText("lo");
    load.stop();

    // The other learner: the page is a 404 (unknown and forbidden look the same)...
    const response = await ken.goto(`/labs/${machineId}`);
    expect(response?.status()).toBe(404);
    expect(await ken.content()).not.toContain("ada-lab");

    // ...and a hand-made socket with their session is refused on every request and hears nothing.
    const cookies = await ken.context().cookies();
    const socket = io(`${baseURL}/live`, { transports: ["websocket"], extraHeaders: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") } });
    const heard: unknown[] = [];
    socket.on(LIVE_EVENTS.samples, (message) => heard.push(message));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const subscribe = (await socket.timeout(10_000).emitWithAck(LIVE_EVENTS.subscribe, { machineId })) as TAck<unknown>;
      expect(subscribe).toMatchObject({ error: { code: "forbidden" } });
      const history = (await socket.timeout(10_000).emitWithAck(LIVE_EVENTS.history, { machineId, fromMs: Date.now() - 60_000 })) as TAck<unknown>;
      expect(history).toMatchObject({ error: { code: "forbidden" } });
      await new Promise((resolve) => setTimeout(resolve, 2500)); // the agent sends every second
      expect(heard).toEqual([]);
    } finally {
      socket.disconnect();
    }
  } finally {
    load?.stop();
    agent.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});

const canMakeNamespaces = process.getuid?.() === 0;

test("the microburst view shows a burst across a veth pair that the 1 s average flattens", async ({ page }) => {
  test.skip(!canMakeNamespaces, "needs root to create a network namespace and a veth pair");
  const suffix = String(process.pid % 100000);
  const namespace = `plb-e2e-${suffix}`;
  const hostEnd = `plbh${suffix}`;
  // A private namespace holds one end; the host end is what the agent sees in /proc/net/dev.
  const setup = runShell(
    [
      `ip netns add ${namespace}`,
      `ip link add ${hostEnd} type veth peer name plbn${suffix}`,
      `ip link set plbn${suffix} netns ${namespace}`,
      `ip addr add 10.213.7.1/30 dev ${hostEnd}`,
      `ip link set ${hostEnd} up`,
      `ip -n ${namespace} addr add 10.213.7.2/30 dev plbn${suffix}`,
      `ip -n ${namespace} link set plbn${suffix} up`,
      `ip -n ${namespace} link set lo up`,
    ].join(" && "),
    tmpdir(),
  );
  const scratch = mkdtempSync(join(tmpdir(), "perflab-e2e-burst-"));
  let agent: TShell | null = null;
  try {
    expect(await setup.exited, setup.output()).toBe(0);
    await signIn(page, FIRST_ADMIN);
    ({ agent } = await enrolAndOpen(page, "burst-lab", scratch));
    await page.getByTestId("tab-microburst").click();
    await page.getByTestId("microburst-duration").selectOption("10000");
    await page.getByTestId("microburst-start").click();
    await expect(page.getByTestId("machine-state")).toContainText("every 10 ms");

    // Four 20 ms bursts of 1400-byte datagrams, one a second, sent as fast as the socket takes them.
    const burstScript = `const s = require("dgram").createSocket("udp4"); const b = Buffer.alloc(1400); s.send(b, 9, "10.213.7.1"); let n = 0;
      const burst = () => { const end = Date.now() + 20; while (Date.now() < end) s.send(b, 9, "10.213.7.1"); if (++n < 4) setTimeout(burst, 1000); else setTimeout(() => s.close(), 300); };
      setTimeout(burst, 300);`;
    const burst = runShell(`ip netns exec ${namespace} node -e '${burstScript}'`, tmpdir());
    expect(await burst.exited, burst.output()).toBe(0);

    await page.getByTestId("microburst-metric").selectOption({ label: "received bytes" });
    await expect(page.getByTestId("microburst-interface")).toHaveValue(hostEnd, { timeout: 15_000 });
    const ratio = page.getByTestId("peak-to-average");
    await expect.poll(async () => Number(await ratio.getAttribute("data-value")), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect(ratio).toContainText(hostEnd);
  } finally {
    agent?.stop();
    await runShell(`ip netns del ${namespace} 2>/dev/null; ip link del ${hostEnd} 2>/dev/null; true`, tmpdir()).exited;
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("a scenario started from the lab page reproduces, its verdict arrives live, and its replay opens", async ({ page }) => {
  test.skip(process.getuid?.() !== 0, "the lab machine is this machine; its scenarios' cgroup variants need root, and the e2e runs as root in CI");
  const scratch = mkdtempSync(join(tmpdir(), "perflab-e2e-scenario-"));
  let agent: TShell | null = null;
  try {
    await signIn(page, FIRST_ADMIN);
    ({ agent } = await enrolAndOpen(page, "scenario-lab", scratch));
    await page.getByTestId("tab-scenarios").click();
    const card = page.getByTestId("scenario-cpu-starvation");
    await expect(card).toContainText("CPU starvation");
    await card.getByLabel(/Duration/).fill("6");
    await card.getByTestId("scenario-start").click();
    const run = page.getByTestId("scenario-run");
    await expect(run.getByTestId("scenario-phase")).toContainText(/requested|requirements|setup|running/);
    const verdict = run.getByTestId("scenario-verdict");
    await expect(verdict).toHaveAttribute("data-final", "true", { timeout: 30_000 });
    await expect(verdict).toHaveAttribute("data-reproduced", "true");
    await expect(verdict).toContainText("Reproduced: more runnable tasks than CPUs");
    await expect(run.getByTestId("scenario-phase")).toHaveText("done");

    await run.getByTestId("replay-link").click();
    await expect(page.getByTestId("run-title")).toHaveText("CPU starvation");
    await expect(page.getByTestId("run-status")).toHaveText("done");
    await expect(page.getByTestId("scenario-verdict")).toHaveAttribute("data-reproduced", "true");
    await expect(page.getByTestId("chart-run-queue")).toBeVisible();
    await page.getByTestId("replay-play").click();
    await expect(page.getByTestId("replay-play")).toHaveText(/Play|Pause/);
  } finally {
    agent?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});
