import { expect, test } from "./fixtures";

test("GET /api/health reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toMatchObject({ status: "ok", database: { isReachable: true, latencyMs: expect.any(Number) } });
});
