// Reading the curriculum: the index, a topic, a prerequisite link, and a quiz whose answers
// are not in the page.
import { expect, test } from "./fixtures";

test("a reader goes from the index to a topic and follows a prerequisite", async ({ page }) => {
  await page.goto("/curriculum");
  await expect(page.getByTestId("section-list").getByRole("listitem").first()).toBeVisible();
  await page.getByRole("link", { name: "2.3 Interrupt Handling & IRQ Mechanisms" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2.3 Interrupt Handling & IRQ Mechanisms" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "2.3.1 HardIRQs" })).toBeVisible();
  expect(await page.getByTestId("exercise").count()).toBeGreaterThanOrEqual(2);
  await page.getByRole("link", { name: "Section 2" }).click();
  await expect(page.getByTestId("section-topics").getByRole("link")).toHaveCount(4);
  await page.getByTestId("section-topics").getByRole("link", { name: "2.3 Interrupt Handling & IRQ Mechanisms" }).click();
  await page.getByTestId("prerequisites").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/curriculum\/topics\/1\.3$/);
});

test("no quiz answer or explanation reaches the browser", async ({ page }) => {
  const response = await page.goto("/curriculum/topics/3.1");
  const html = await response!.text();
  await expect(page.getByTestId("quiz").getByRole("group")).toHaveCount(6);
  // The first question's explanation from content/docs/03-memory/3.1-*.md must not be sent.
  expect(html).not.toContain("Committed_AS counts private writable mappings");
  expect(html).not.toMatch(/"answer":\d/);
});

test("searching for a term lands on the topic and part that explain it", async ({ page }) => {
  await page.goto("/curriculum");
  await page.getByRole("searchbox", { name: "Search the curriculum" }).fill("ksoftirqd");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/curriculum\/search\?q=ksoftirqd$/);
  await page.getByTestId("search-results").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/curriculum\/topics\/2\.3(#[\w-]+)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2.3 Interrupt Handling & IRQ Mechanisms");
});
