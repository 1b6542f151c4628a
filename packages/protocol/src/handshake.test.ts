import { describe, expect, it } from "vitest";
import { describeZodError, PROTOCOL_VERSION, ZAgentHandshake } from "./index";

describe("ZAgentHandshake", () => {
  it("accepts a token and defaults the protocol version", () => {
    expect(ZAgentHandshake.parse({ token: "abc" })).toEqual({ token: "abc", protocolVersion: PROTOCOL_VERSION });
  });

  it.each([
    [{}, "token"],
    [{ token: 42 }, "token"],
    [{ token: "" }, "token is required"],
    [{ token: "x".repeat(513) }, "token is too long"],
    [{ token: "t", protocolVersion: -1 }, "protocolVersion"],
  ])("rejects %j with a message naming the field", (payload, expected) => {
    const result = ZAgentHandshake.safeParse(payload);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toContain(expected);
  });
});
