// Every spec talks to the server started by global-setup.ts.
import { expect, test as base, type Browser, type Page } from "@playwright/test";

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});

export { expect };

export function setupUrl(): string {
  const url = process.env.E2E_SETUP_URL;
  if (!url) throw new Error("E2E_SETUP_URL is not set: run through `npm run test:e2e`");
  return url;
}

/** The admin first-admin.spec.ts creates; specs named after it alphabetically rely on it. */
export const FIRST_ADMIN = { name: "Grace Hopper", email: "grace@example.com", password: "a long enough password" };

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A second, independent browser (its own cookies) on the same server. */
export async function newBrowserPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  return context.newPage();
}

/** A learner (or instructor) invited by the first admin and signed up in a browser of their own, signed in. */
export async function inviteLearner(admin: Page, browser: Browser, learner: { name: string; email: string; password: string }, role: "LEARNER" | "INSTRUCTOR" = "LEARNER"): Promise<Page> {
  await admin.goto("/admin/invitations");
  await admin.getByLabel(/^Email/).fill(learner.email);
  await admin.getByLabel("Role").selectOption(role);
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByTestId("invitation-link").inputValue();
  const page = await newBrowserPage(browser);
  await page.goto(link);
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Password (12 characters or more)").fill(learner.password);
  await page.getByLabel("Repeat the password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toContainText(learner.name);
  return page;
}
