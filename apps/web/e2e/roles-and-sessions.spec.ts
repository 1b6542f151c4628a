// An admin's hold on accounts: promoting a learner to instructor, deactivating an account
// whose browser is still signed in, and a person signing out of every browser at once.
// Runs after learner-progress.spec.ts, which creates the learner.
import { expect, FIRST_ADMIN, newBrowserPage, signIn, test } from "./fixtures";

const LEARNER = { email: "linus@example.com", password: "learner password 1" };

test.describe.configure({ mode: "serial" });

test("an admin promotes a learner to instructor and the learner's next page shows it", async ({ page, browser }) => {
  const learner = await newBrowserPage(browser);
  await signIn(learner, LEARNER);
  await expect(learner.getByTestId("current-user")).toContainText("learner");

  await signIn(page, FIRST_ADMIN);
  await page.goto("/admin/users");
  const row = page.getByTestId(`user-row-${LEARNER.email}`);
  await row.getByRole("combobox", { name: `Role of ${LEARNER.email}` }).selectOption("INSTRUCTOR");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row).toContainText("instructor");

  await learner.reload();
  await expect(learner.getByTestId("current-user")).toContainText("instructor");
});

test("a deactivated user is signed out at the next request and cannot sign in again", async ({ page, browser }) => {
  const learner = await newBrowserPage(browser);
  await signIn(learner, LEARNER);

  await signIn(page, FIRST_ADMIN);
  await page.goto("/admin/users");
  const row = page.getByTestId(`user-row-${LEARNER.email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();

  // Same browser, same still-valid JWT cookie: refused.
  await learner.goto("/progress");
  await expect(learner).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogress/);
  expect((await learner.request.get("/api/me/progress")).status()).toBe(401);
  await learner.getByLabel("Email").fill(LEARNER.email);
  await learner.getByLabel("Password").fill(LEARNER.password);
  await learner.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(learner.getByTestId("sign-in-error")).toContainText("Email or password is incorrect");

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByRole("button", { name: "Deactivate" })).toBeVisible();
});

test("sign out everywhere ends the sessions of every browser", async ({ browser }) => {
  const laptop = await newBrowserPage(browser);
  const phone = await newBrowserPage(browser);
  await signIn(laptop, LEARNER);
  await signIn(phone, LEARNER);
  await laptop.goto("/account");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await phone.goto("/progress");
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogress/);
  // A new sign-in works again.
  await signIn(phone, LEARNER);
});

test("repeated wrong passwords lock the account for a while, with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  const email = "nobody-here@example.com";
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("Email or password is incorrect");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText(/Too many failed attempts\. Try again in 1[45] minutes/);
});
