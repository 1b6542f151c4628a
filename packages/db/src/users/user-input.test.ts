import { describe, expect, it } from "vitest";
import { toFieldErrors, ZNewAccount } from "./user-input";

describe("ZNewAccount", () => {
  it("normalises email and trims the name", () => {
    expect(ZNewAccount.parse({ name: "  Ada ", email: " ADA@Example.com ", password: "twelve chars" })).toEqual({ name: "Ada", email: "ada@example.com", password: "twelve chars" });
  });

  it("reports every bad field once, by name", () => {
    const result = ZNewAccount.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(toFieldErrors(result.error)).sort()).toEqual(["email", "name", "password"]);
  });
});
