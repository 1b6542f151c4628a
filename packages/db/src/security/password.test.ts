import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts: the same password never hashes the same way twice", async () => {
    expect(await hashPassword("same password 123")).not.toBe(await hashPassword("same password 123"));
  });

  it("records its parameters so they can be raised later", async () => {
    expect(await hashPassword("x".repeat(12))).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it("treats unicode compositions as the same password (NFKC)", async () => {
    const hash = await hashPassword("caf\u00e9 au lait!!");
    expect(await verifyPassword("cafe\u0301 au lait!!", hash)).toBe(true);
  });

  it.each(["", "bcrypt$foo", "scrypt$x$8$1$c2FsdA==$aGFzaA==", "scrypt$16384$8$1$c2FsdA==$"])("a malformed stored hash %j verifies as false", async (stored) => {
    expect(await verifyPassword("anything at all", stored)).toBe(false);
  });
});
