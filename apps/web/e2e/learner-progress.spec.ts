// A learner's first hour: invited by the admin, signs up, reads a topic, fails and then
// passes its quiz, reports the exercises, and sees the dashboard move. Then what a learner
// must not be able to do: tamper with a quiz submission, or post from another site.
// Runs after first-admin.spec.ts (alphabetical order), which creates the admin.
import type { Page } from "@playwright/test";
import { expect, FIRST_ADMIN, newBrowserPage, signIn, test } from "./fixtures";
import { exerciseIds, quizAnswers, quizHashOf } from "./quiz-answers";

const LEARNER = { name: "Linus Learner", email: "linus@example.com", password: "learner password 1" };
const TOPIC = "1.1";

test.describe.configure({ mode: "serial" });

async function answerQuiz(page: Page, choice: "right" | "wrong"): Promise<void> {
  const quiz = page.getByTestId("quiz");
  for (const [index, answer] of quizAnswers(TOPIC).entries()) {
    await quiz.getByTestId("quiz-question").nth(index).getByRole("radio").nth(answer[choice]).check();
  }
  await quiz.getByRole("button", { name: "Submit answers" }).click();
}

async function ownRecord(page: Page): Promise<{ quizAttempts: { topicId: string; passed: boolean }[]; exerciseAttempts: unknown[] }> {
  const response = await page.request.get("/api/me/progress");
  expect(response.status()).toBe(200);
  return (await response.json()) as { quizAttempts: { topicId: string; passed: boolean }[]; exerciseAttempts: unknown[] };
}

test("an invited learner signs up, fails then passes a quiz, completes the topic and sees the dashboard update", async ({ page, browser }) => {
  await signIn(page, FIRST_ADMIN);
  await page.goto("/admin/invitations");
  await page.getByLabel(/^Email/).fill(LEARNER.email);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/sign-up\?invite=[\w-]{20,}$/);

  const learner = await newBrowserPage(browser);
  await learner.goto(link);
  await expect(learner.getByLabel("Email")).toHaveValue(LEARNER.email);
  await learner.getByLabel("Name").fill(LEARNER.name);
  await learner.getByLabel("Password (12 characters or more)").fill("short");
  await learner.getByLabel("Repeat the password").fill("short");
  await learner.getByRole("button", { name: "Create account" }).click();
  await expect(learner.getByText("Password must be at least 12 characters")).toBeVisible();
  await learner.getByLabel("Password (12 characters or more)").fill(LEARNER.password);
  await learner.getByLabel("Repeat the password").fill(LEARNER.password);
  await learner.getByRole("button", { name: "Create account" }).click();
  await expect(learner.getByTestId("current-user")).toContainText(LEARNER.name);

  // Signing out and in again with the new password.
  await learner.getByRole("button", { name: "Sign out" }).click();
  await expect(learner).toHaveURL(/\/sign-in/);
  await signIn(learner, LEARNER);

  await learner.goto("/progress");
  await expect(learner.getByTestId("completed-count")).toContainText("0");
  await expect(learner.getByTestId("next-topic")).toContainText(TOPIC);

  await learner.goto(`/curriculum/topics/${TOPIC}`);
  await expect(learner.getByTestId("topic-status")).toHaveAttribute("data-status", /NOT_STARTED|IN_PROGRESS/);
  await answerQuiz(learner, "wrong");
  await expect(learner.getByTestId("quiz-result")).toHaveAttribute("data-passed", "false");
  await expect(learner.getByTestId("quiz-result")).toContainText("not passed yet");
  // Every wrong answer is marked and explained.
  const questions = quizAnswers(TOPIC).length;
  await expect(learner.locator('[data-testid="quiz-question"][data-correct="false"]')).toHaveCount(questions);
  await expect(learner.getByText("Not quite.")).toHaveCount(questions);

  await learner.getByRole("button", { name: "Try again" }).click();
  await answerQuiz(learner, "right");
  await expect(learner.getByTestId("quiz-result")).toHaveAttribute("data-passed", "true");
  await expect(learner.getByTestId("quiz-result")).toContainText("Attempt 2");

  // The exercises: a report without an observation is refused beside the field.
  const [firstExercise, ...otherExercises] = exerciseIds(TOPIC);
  const first = learner.locator(`[data-exercise-id="${firstExercise}"]`);
  await first.getByRole("button", { name: "Done" }).click();
  await expect(first.getByText("Say what you observed")).toBeVisible();
  await first.getByLabel("What did you observe?").fill("uname -r printed 6.1.0-41-amd64");
  await first.getByRole("button", { name: "Done" }).click();
  await expect(first.getByTestId("exercise-report")).toHaveAttribute("data-status", "DONE");
  for (const id of otherExercises) {
    const exercise = learner.locator(`[data-exercise-id="${id}"]`);
    await exercise.getByRole("button", { name: "Skip" }).click();
    await expect(exercise.getByTestId("exercise-report")).toHaveAttribute("data-status", "SKIPPED");
  }
  await learner.reload();
  await expect(learner.getByTestId("topic-status")).toHaveAttribute("data-status", "COMPLETED");

  await learner.goto("/curriculum");
  await expect(learner.getByTestId(`toc-topic-${TOPIC}`).getByTestId("topic-status")).toHaveAttribute("data-status", "COMPLETED");
  await learner.goto("/progress");
  await expect(learner.getByTestId("completed-count")).toContainText("1");
  await expect(learner.getByTestId("next-topic")).toContainText("1.2");
  await expect(learner.getByTestId("streak")).toContainText("1");
  await expect(learner.getByTestId("chart-quiz")).toBeVisible();
  await expect(learner.getByTestId("chart-sections")).toBeVisible();

  const record = await ownRecord(learner);
  expect(record.quizAttempts.map((attempt) => attempt.passed)).toEqual([false, true]);
});

test("two tabs submitting the quiz at the same moment both get recorded", async ({ browser }) => {
  const first = await newBrowserPage(browser);
  await signIn(first, LEARNER);
  const second = await first.context().newPage();
  await Promise.all([first.goto(`/curriculum/topics/${TOPIC}`), second.goto(`/curriculum/topics/${TOPIC}`)]);
  const before = (await ownRecord(first)).quizAttempts.length;
  await Promise.all([answerQuiz(first, "right"), answerQuiz(second, "wrong")]);
  await expect(first.getByTestId("quiz-result")).toBeVisible();
  await expect(second.getByTestId("quiz-result")).toBeVisible();
  expect((await ownRecord(first)).quizAttempts.length).toBe(before + 2);
});

test("tampered quiz submissions are refused with 400 and recorded nowhere", async ({ browser }) => {
  const learner = await newBrowserPage(browser);
  await signIn(learner, LEARNER);
  await learner.goto(`/curriculum/topics/${TOPIC}`);
  const before = await ownRecord(learner);
  const answers = Object.fromEntries(quizAnswers(TOPIC).map((answer) => [answer.id, answer.right]));
  const valid = { topicId: TOPIC, quizHash: quizHashOf(TOPIC), answers };
  const post = (data: unknown, headers: Record<string, string> = {}) => learner.request.post(`/api/topics/${TOPIC}/quiz-attempts`, { data, headers });

  for (const [body, message] of [
    [{ ...valid, answers: { ...answers, q99: 0 } }, /q99: no such question/],
    [{ ...valid, answers: { ...answers, q1: "0" } }, /answers.q1/],
    [{ ...valid, answers: { ...answers, q1: 99 } }, /q1: choice 99 does not exist/],
    [{ ...valid, topicId: "2.3" }, /for topic 2.3, not 1.1/],
    [{ ...valid, score: 100 }, /Unrecognized key/],
    ["not json at all", /not valid JSON|body/],
  ] as const) {
    const response = await post(body);
    expect(response.status(), JSON.stringify(body)).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  }
  // A hash from another version of the quiz: refused as changed, not graded.
  expect((await post({ ...valid, quizHash: "0".repeat(64) })).status()).toBe(409);
  // From another site, even with the learner's cookie: refused.
  expect((await post(valid, { origin: "https://evil.example" })).status()).toBe(403);
  // Without a session: refused.
  const visitor = await newBrowserPage(browser);
  expect((await visitor.request.post(`/api/topics/${TOPIC}/quiz-attempts`, { data: valid })).status()).toBe(401);

  const after = await ownRecord(learner);
  expect(after.quizAttempts.length).toBe(before.quizAttempts.length);
  // The untampered submission is accepted: the refusals above were for the tampering.
  expect((await post(valid)).status()).toBe(201);
});

test("a learner cannot reach admin pages or everyone's progress", async ({ browser }) => {
  const learner = await newBrowserPage(browser);
  await signIn(learner, LEARNER);
  expect((await learner.request.get("/api/admin/progress.csv")).status()).toBe(403);
  for (const path of ["/admin", "/admin/users", "/admin/invitations", "/admin/settings"]) {
    expect((await learner.goto(path))!.status(), path).toBe(404);
  }
});

test("malformed heartbeats and exercise reports are refused with a reason and change nothing", async ({ browser }) => {
  const learner = await newBrowserPage(browser);
  await signIn(learner, LEARNER);
  const before = await ownRecord(learner);
  const heartbeat = (topicId: string, data: unknown) => learner.request.post(`/api/topics/${topicId}/heartbeat`, { data });
  expect((await heartbeat(TOPIC, { activeSeconds: -1, timezoneOffsetMinutes: 0 })).status()).toBe(400);
  expect((await heartbeat(TOPIC, { activeSeconds: 5, timezoneOffsetMinutes: 5000 })).status()).toBe(400);
  expect((await heartbeat(TOPIC, { activeSeconds: 5 })).status()).toBe(400);
  expect((await heartbeat("99.9", { activeSeconds: 5, timezoneOffsetMinutes: 0 })).status()).toBe(404);

  const [exerciseId] = exerciseIds(TOPIC);
  const report = (id: string, data: unknown) => learner.request.post(`/api/topics/${TOPIC}/exercises/${id}/attempts`, { data });
  const blank = await report(exerciseId!, { outcome: "DONE", note: " " });
  expect(blank.status()).toBe(400);
  expect(((await blank.json()) as { fieldErrors: Record<string, string> }).fieldErrors.note).toMatch(/Say what you observed/);
  expect((await report(exerciseId!, { outcome: "PASSED", note: "all good" })).status()).toBe(400);
  expect((await report(exerciseId!, { outcome: "DONE", note: "ok then", userId: "someone-else" })).status()).toBe(400);
  expect((await report("no-such-exercise", { outcome: "SKIPPED" })).status()).toBe(404);

  const after = await ownRecord(learner);
  expect(after.exerciseAttempts.length).toBe(before.exerciseAttempts.length);
});
