// The first minutes of a new instance: the operator finds the setup link, makes mistakes
// in the form without losing what they typed, creates the admin and lands in the product.
import { expect, FIRST_ADMIN as ADMIN, setupUrl, test } from "./fixtures";

const NAV_LABELS = ["Curriculum", "Labs", "Workshops", "Progress", "Teams", "Admin"];

test.describe.configure({ mode: "serial" });

test("a fresh instance explains where the setup link is", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to perflab" })).toBeVisible();
  await expect(page.getByText("one-time setup link")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create administrator" })).toHaveCount(0);
});

test("pages that need an account send visitors to sign in", async ({ page }) => {
  await page.goto("/labs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flabs$/);
});

test("bad input is explained beside each field and what was typed is kept", async ({ page }) => {
  await page.goto(setupUrl());
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill("grace-at-example.com");
  await page.getByLabel("Password (12 characters or more)").fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(ADMIN.name);
  await expect(page.getByLabel("Email")).toHaveValue("grace-at-example.com");

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password (12 characters or more)").fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill("a different password");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("The two passwords differ")).toBeVisible();
});

test("the operator creates the first admin through the UI and sees the navigation", async ({ page }) => {
  await page.goto(setupUrl());
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password (12 characters or more)").fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();

  await expect(page).toHaveURL(/\/curriculum$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of NAV_LABELS) await expect(nav.getByRole("link", { name: label })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(ADMIN.name);
  await expect(nav.getByRole("link", { name: "Curriculum" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByTestId("count-admin")).toHaveText("1");
});

test("the setup link cannot be used twice", async ({ page }) => {
  await page.goto(setupUrl());
  await expect(page.getByRole("heading", { name: "perflab is set up" })).toBeVisible();
});

test("the admin signs out and back in; a wrong password is refused", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/curriculum$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
});
