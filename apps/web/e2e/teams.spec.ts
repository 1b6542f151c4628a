// The team portal from three sides: the admin creates a team (mistakes explained, typed
// values kept) and adds an instructor as lead and two learners; the lead assigns a track
// with a due date; a learner sees it on /progress and completes a topic of it; the lead's
// dashboard shows that member's completion with its charts drawn; a plain member gets 404.
// Runs after first-admin.spec.ts (alphabetical order), which creates the admin.
import type { Page } from "@playwright/test";
import { expect, FIRST_ADMIN, inviteLearner, signIn, test } from "./fixtures";
import { exerciseIds, quizAnswers } from "./quiz-answers";

const LEAD = { name: "Lena Lead", email: "lena@example.com", password: "team lead password 1" };
const TOM = { name: "Tom Teammate", email: "tom@example.com", password: "teammate password 1" };
const TIA = { name: "Tia Teammate", email: "tia@example.com", password: "teammate password 2" };
const TOPIC = "1.1";

const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Passes the topic's quiz and skips its exercises: what completes a topic. */
async function completeTopic(page: Page, topicId: string): Promise<void> {
  await page.goto(`/curriculum/topics/${topicId}`);
  const quiz = page.getByTestId("quiz");
  for (const [index, answer] of quizAnswers(topicId).entries()) await quiz.getByTestId("quiz-question").nth(index).getByRole("radio").nth(answer.right).check();
  await quiz.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-result")).toHaveAttribute("data-passed", "true");
  for (const id of exerciseIds(topicId)) {
    const exercise = page.locator(`[data-exercise-id="${id}"]`);
    await exercise.getByRole("button", { name: "Skip" }).click();
    await expect(exercise.getByTestId("exercise-report")).toHaveAttribute("data-status", "SKIPPED");
  }
  await page.reload();
  await expect(page.getByTestId("topic-status").first()).toHaveAttribute("data-status", "COMPLETED");
}

test("an admin builds a team, its lead assigns a track, a member completes a topic and the dashboard shows it", async ({ page, browser }) => {
  await signIn(page, FIRST_ADMIN);
  const lead = await inviteLearner(page, browser, LEAD, "INSTRUCTOR");
  const tom = await inviteLearner(page, browser, TOM);
  const tia = await inviteLearner(page, browser, TIA);

  // The admin creates the team; an empty name is refused beside the field.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Give the team a name")).toBeVisible();
  await page.getByLabel("Team name").fill("Storage SRE");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: "Storage SRE" })).toBeVisible();
  const teamPath = new URL(page.url()).pathname;
  expect(teamPath).toMatch(/^\/teams\/[\w-]+$/);

  // People: an unknown email and a learner as lead are explained, and what was typed stays.
  const addForm = page.getByTestId("add-member-form");
  await addForm.getByLabel("Email of the account to add").fill("nobody@example.com");
  await addForm.getByRole("button", { name: "Add to team" }).click();
  await expect(addForm.getByText("No active account has this email")).toBeVisible();
  await expect(addForm.getByLabel("Email of the account to add")).toHaveValue("nobody@example.com");
  await addForm.getByLabel("Email of the account to add").fill(TOM.email);
  await addForm.getByLabel(/Team lead/).check();
  await addForm.getByRole("button", { name: "Add to team" }).click();
  await expect(addForm.getByText("Only instructors and administrators can lead a team")).toBeVisible();
  await expect(addForm.getByLabel("Email of the account to add")).toHaveValue(TOM.email);
  await addForm.getByLabel(/Team lead/).uncheck();
  await addForm.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByTestId("team-people")).toContainText(TOM.name);
  await addForm.getByLabel("Email of the account to add").fill(TIA.email);
  await addForm.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByTestId("team-people")).toContainText(TIA.name);
  await addForm.getByLabel("Email of the account to add").fill(LEAD.email);
  await addForm.getByLabel(/Team lead/).check();
  await addForm.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByTestId("team-person").filter({ hasText: LEAD.name })).toContainText("lead");

  // The lead finds the team from the header and assigns a track; bad input is explained field by field.
  await lead.goto("/");
  await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
  await lead.getByRole("link", { name: "Storage SRE" }).click();
  const trackForm = lead.getByTestId("new-track-form");
  await trackForm.getByLabel(/Topics, in order/).fill(`${TOPIC}, 9.9`);
  await trackForm.getByLabel("Due (end of day, UTC)").fill(utcDay(-1));
  await trackForm.getByRole("button", { name: "Assign track" }).click();
  await expect(trackForm.getByText("Give the track a title")).toBeVisible();
  await expect(trackForm.getByText("Not topics of the curriculum: 9.9")).toBeVisible();
  await expect(trackForm.getByText("The due date is in the past")).toBeVisible();
  await expect(trackForm.getByLabel(/Topics, in order/)).toHaveValue(`${TOPIC}, 9.9`);
  await trackForm.getByLabel("Track title").fill("Foundations");
  await trackForm.getByLabel(/Topics, in order/).fill(`${TOPIC}, 1.2`);
  await trackForm.getByLabel("Due (end of day, UTC)").fill(utcDay(7));
  await trackForm.getByRole("button", { name: "Assign track" }).click();
  await expect(trackForm.getByText("Track assigned to every member of the team.")).toBeVisible();
  await expect(lead.getByTestId("track").filter({ hasText: "Foundations" })).toContainText(`${TOPIC}, 1.2`);

  // Tom sees the assignment on his own dashboard, topics in order, and completes the first.
  await tom.goto("/progress");
  const assignment = tom.getByTestId("assignment").filter({ hasText: "Foundations" });
  await expect(assignment).toContainText("Storage SRE");
  await expect(assignment.getByTestId("assignment-topic")).toHaveCount(2);
  await expect(assignment.getByTestId("assignment-topic").first()).toHaveAttribute("data-topic-id", TOPIC);
  await expect(assignment.getByTestId("assignment-progress")).toHaveText("0 of 2 topics completed");
  await expect(assignment.getByTestId("assignment-overdue")).toHaveCount(0);
  await completeTopic(tom, TOPIC);
  await tom.goto("/progress");
  await expect(assignment.getByTestId("assignment-progress")).toHaveText("1 of 2 topics completed");
  await expect(assignment.locator(`[data-topic-id="${TOPIC}"]`).getByTestId("topic-status")).toHaveAttribute("data-status", "COMPLETED");

  // Tia sees the same track with her own status only.
  await tia.goto("/progress");
  const tiaAssignment = tia.getByTestId("assignment").filter({ hasText: "Foundations" });
  await expect(tiaAssignment.getByTestId("assignment-progress")).toHaveText("0 of 2 topics completed");
  await expect(tiaAssignment.locator(`[data-topic-id="${TOPIC}"]`).getByTestId("topic-status")).toHaveAttribute("data-status", "NOT_STARTED");

  // The lead's dashboard: Tom at 1 of 2, Tia at 0; nothing overdue; every chart drew its SVG.
  await lead.reload();
  await expect(lead.getByTestId("member-row").filter({ hasText: TOM.name }).getByTestId("member-track")).toHaveText("1/2 (50 %)");
  await expect(lead.getByTestId("member-row").filter({ hasText: TIA.name }).getByTestId("member-percent")).toHaveText("0 %");
  await expect(lead.getByTestId("member-row").filter({ hasText: LEAD.name })).toHaveCount(0); // leads are not assigned tracks
  await expect(lead.getByText("Nothing overdue")).toBeVisible();
  for (const chart of ["chart-member-completion", "chart-team-sections", "chart-team-activity"]) {
    await expect(lead.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(lead.getByTestId("chart-team-sections")).toContainText("1 of 4 assigned topic completions");

  // A plain member has no Teams link, and the team page and list are 404 for them.
  await expect(tia.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" })).toHaveCount(0);
  expect((await tia.goto(teamPath))?.status()).toBe(404);
  expect((await tia.goto("/teams"))?.status()).toBe(404);
});
