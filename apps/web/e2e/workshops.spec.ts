// A workshop from both sides: an instructor creates one and shows its code; a learner joins
// with it (typed loosely), attaches a lab machine; the instructor sees them on the roster
// and opens their live lab; a wrong code is explained; after closing, nobody joins.
import { expect, FIRST_ADMIN, inviteLearner, signIn, test } from "./fixtures";

const INSTRUCTOR = { name: "Ines Instructor", email: "ines@example.com", password: "instructor password 1" };
const LEARNER = { name: "Wes Workshop", email: "wes@example.com", password: "workshop password 1" };
const LATE_LEARNER = { name: "Lou Late", email: "lou@example.com", password: "late learner password" };

const utcInput = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 16);

test("an instructor runs a workshop: join by code, roster, the learner's live lab, close", async ({ page, browser }) => {
  await signIn(page, FIRST_ADMIN);
  const instructor = await inviteLearner(page, browser, INSTRUCTOR, "INSTRUCTOR");
  const learner = await inviteLearner(page, browser, LEARNER);
  const lateLearner = await inviteLearner(page, browser, LATE_LEARNER);

  await instructor.goto("/workshops");
  await instructor.getByLabel("Title").fill("Linux performance day");
  await instructor.getByLabel("Starts (UTC)").fill(utcInput(-1));
  await instructor.getByLabel("Ends (UTC)").fill(utcInput(-2));
  await instructor.getByLabel(/Topics, in order/).fill("2.2, 3.4");
  await instructor.getByRole("button", { name: "Create workshop" }).click();
  await expect(instructor.getByText("The end must be after the start")).toBeVisible();
  await instructor.getByLabel("Ends (UTC)").fill(utcInput(8));
  await instructor.getByRole("button", { name: "Create workshop" }).click();
  await expect(instructor).toHaveURL(/\/workshops\/[\w-]+$/);
  const code = (await instructor.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  await learner.goto("/workshops");
  await learner.getByLabel("Join code").fill("2222-2222");
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(learner.getByText("No workshop has this code")).toBeVisible();
  await learner.getByLabel("Join code").fill(code.toLowerCase().replace("-", " "));
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(learner.getByRole("heading", { name: "Linux performance day" })).toBeVisible();
  await expect(learner.getByTestId("join-code")).toHaveCount(0); // learners never see the code

  await learner.goto("/labs");
  await learner.getByLabel("Machine name").fill("wes-lab");
  await learner.getByRole("button", { name: "Enrol machine" }).click();
  await expect(learner.getByTestId("run-command")).toBeVisible(); // enrolled; the command is not needed here
  await learner.goto(instructor.url());
  await learner.getByTestId("attach-machine").selectOption({ label: "wes-lab" });
  await learner.getByRole("button", { name: "Save" }).click();
  await expect(learner.getByTestId("attach-machine")).toHaveValue(/.+/);

  await instructor.reload();
  // The live matrix: the learner reads topic 2.2 and the instructor's cell changes without a reload.
  const row = instructor.getByTestId("matrix-row").filter({ hasText: LEARNER.name });
  await expect(instructor.getByTestId("progress-matrix")).toHaveAttribute("data-live", "true");
  await expect(row.getByTestId("cell-2.2")).toHaveText("–");
  expect((await learner.request.post("/api/topics/2.2/heartbeat", { data: { activeSeconds: 30, timezoneOffsetMinutes: 0 } })).status()).toBe(200);
  await expect(row.getByTestId("cell-2.2")).toHaveText("reading");
  await expect(row.getByTestId("cell-3.4")).toHaveText("–");
  // The report: every learner's topics, as CSV; a learner cannot download it.
  const csv = await (await instructor.request.get(`${new URL(instructor.url()).pathname.replace("/workshops/", "/api/workshops/")}/report?format=csv`)).text();
  expect(csv).toContain(`${LEARNER.email},${LEARNER.name},topic,2.2,IN_PROGRESS`);
  expect((await learner.request.get(`${new URL(instructor.url()).pathname.replace("/workshops/", "/api/workshops/")}/report?format=json`)).status()).toBe(404);
  const roster = instructor.getByTestId("roster");
  await expect(roster).toContainText(LEARNER.name);
  await roster.getByRole("link", { name: /wes-lab/ }).click();
  await expect(instructor.getByTestId("machine-name")).toHaveText("wes-lab");
  await expect(instructor.getByTestId("connection-state")).toContainText("live"); // the socket lets the instructor subscribe too

  await instructor.goBack();
  await instructor.getByRole("button", { name: "Close workshop" }).click();
  await expect(instructor.getByText("This workshop is closed.")).toBeVisible();
  await lateLearner.goto("/workshops");
  await lateLearner.getByLabel("Join code").fill(code);
  await lateLearner.getByRole("button", { name: "Join" }).click();
  await expect(lateLearner.getByText("This workshop is closed")).toBeVisible();
});
