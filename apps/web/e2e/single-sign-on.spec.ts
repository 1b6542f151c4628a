// Signing in through an OpenID Connect identity provider (a real one, started by
// global-setup.ts): an existing account is linked by its verified email; a stranger gets
// an account only while sign-up is open. Runs after the specs that create the admin.
import type { Page } from "@playwright/test";
import { expect, FIRST_ADMIN, newBrowserPage, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

/**
 * Through the provider's own login and consent pages, back to perflab. A browser that
 * already has a session at the provider goes straight back, as with a real provider.
 */
async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  const loginField = page.locator('input[name="login"]');
  await expect(loginField.or(page.getByTestId("current-user")).or(page.getByTestId("sign-in-error")).first()).toBeVisible();
  if (!(await loginField.isVisible())) return;
  await loginField.fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: /sign-in/i }).click();
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("an existing account signs in through the identity provider, matched by verified email", async ({ browser }) => {
  const page = await newBrowserPage(browser);
  await signInWithSso(page, FIRST_ADMIN.email.toUpperCase());
  await expect(page.getByTestId("current-user")).toContainText(FIRST_ADMIN.name);
  await expect(page.getByTestId("current-user")).toContainText("admin");
});

test("a stranger is refused while sign-up is invite-only, and gets a learner account once it is open", async ({ page, browser }) => {
  const stranger = await newBrowserPage(browser);
  await signInWithSso(stranger, "new.person@idp.example.com");
  await expect(stranger).toHaveURL(/\/sign-in\?error=sign-up-closed/);
  await expect(stranger.getByTestId("sign-in-error")).toContainText("sign-up is not open");

  await signIn(page, FIRST_ADMIN);
  await page.goto("/admin/settings");
  await page.getByLabel("Open", { exact: true }).check();
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();

  await signInWithSso(stranger, "new.person@idp.example.com");
  await expect(stranger.getByTestId("current-user")).toContainText("SSO new.person");
  await expect(stranger.getByTestId("current-user")).toContainText("learner");

  // Back to the default, so later specs see an invite-only instance.
  await page.getByLabel("Invite-only", { exact: true }).check();
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
});
