import { describe, expect, it } from "vitest";
import { localServerUrl } from "./local-server-url";

describe("localServerUrl", () => {
  it.each([
    ["0.0.0.0", "http://127.0.0.1:3000"],
    ["::", "http://127.0.0.1:3000"],
    ["127.0.0.1", "http://127.0.0.1:3000"],
    ["localhost", "http://localhost:3000"],
    ["10.1.2.3", "http://10.1.2.3:3000"],
    ["::1", "http://[::1]:3000"],
    ["[::1]", "http://[::1]:3000"],
  ])("HOST=%s is reached at %s", (host, url) => {
    expect(localServerUrl(host, 3000)).toBe(url);
  });
});
