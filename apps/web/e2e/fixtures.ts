// Every spec talks to the server started by global-setup.ts.
import { test as base } from "@playwright/test";

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});

export { expect } from "@playwright/test";

export function setupUrl(): string {
  const url = process.env.E2E_SETUP_URL;
  if (!url) throw new Error("E2E_SETUP_URL is not set: run through `npm run test:e2e`");
  return url;
}
