// Reading test counts out of the runners' JSON reports (vitest's Jest-compatible report,
// Playwright's JSON reporter), so `npm test` can sum them.
export interface TStepCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countVitestReport(report: unknown): TStepCounts {
  const r = report as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number };
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

export function countPlaywrightReport(report: unknown): TStepCounts {
  const stats = (report as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }).stats ?? {};
  // A flaky test passed on retry; count it as passed (retries are off by default here).
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}
