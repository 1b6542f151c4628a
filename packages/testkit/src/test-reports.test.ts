import { describe, expect, it } from "vitest";
import { countPlaywrightReport, countVitestReport } from "./test-reports";

describe("test report counting", () => {
  it("reads vitest's JSON report", () => {
    expect(countVitestReport({ numPassedTests: 5, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 })).toEqual({ passed: 5, failed: 1, skipped: 3 });
  });

  it("reads Playwright's JSON report", () => {
    expect(countPlaywrightReport({ stats: { expected: 7, unexpected: 2, flaky: 1, skipped: 0 } })).toEqual({ passed: 8, failed: 2, skipped: 0 });
  });

  it("treats a report without counts as nothing run", () => {
    expect(countVitestReport({})).toEqual({ passed: 0, failed: 0, skipped: 0 });
    expect(countPlaywrightReport({})).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
