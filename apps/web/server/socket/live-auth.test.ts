import { describe, expect, it } from "vitest";
import { readCookie } from "./live-auth";

describe("readCookie", () => {
  it.each([
    ["a=1; next-auth.session-token=abc.def; b=2", "abc.def"],
    ["next-auth.session-token=a%3Db", "a=b"],
    ["other=1", null],
    ["", null],
    [undefined, null],
    ["xnext-auth.session-token=nope", null],
  ])("reads the session cookie from %j", (header, expected) => {
    expect(readCookie(header, "next-auth.session-token")).toBe(expected);
  });
});
