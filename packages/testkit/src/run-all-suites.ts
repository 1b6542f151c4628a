// `npm test`: every check the project has, in one run, with one closing line
// "N passed, N failed" that sums them. Steps run in order and all of them run even after
// a failure (one report beats fixing failures one at a time); steps that need the build
// are reported failed if the build failed.
import { REPO_ROOT } from "@perflab/db/admin";
import { buildIfNeeded } from "@perflab/launcher";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { countPlaywrightReport, countVitestReport, type TStepCounts } from "./test-reports";

const OUTPUT_DIR = join(REPO_ROOT, ".test-output");
const BIN = join(REPO_ROOT, "node_modules/.bin");

interface TStepResult extends TStepCounts {
  name: string;
  seconds: number;
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

/** A step that is one check: it passes or fails as a whole. */
async function checkStep(name: string, work: () => Promise<boolean>): Promise<TStepResult> {
  const startedAt = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const isOk = await work().catch((error: unknown) => {
    console.error((error as Error).message);
    return false;
  });
  return { name, passed: isOk ? 1 : 0, failed: isOk ? 0 : 1, skipped: 0, seconds: (Date.now() - startedAt) / 1000 };
}

/** A step that runs a test runner and reports its test counts from a JSON report. */
async function testStep(name: string, command: string, args: string[], reportFile: string, count: (report: unknown) => TStepCounts): Promise<TStepResult> {
  const startedAt = Date.now();
  console.log(`\n━━ ${name} ━━`);
  rmSync(reportFile, { force: true });
  const exitCode = await run(command, args);
  const seconds = (Date.now() - startedAt) / 1000;
  if (!existsSync(reportFile)) return { name, passed: 0, failed: 1, skipped: 0, seconds }; // crashed before reporting
  const counts = count(JSON.parse(readFileSync(reportFile, "utf8")));
  // A runner that failed without a failing test (e.g. a broken global setup) still fails.
  return { name, ...counts, failed: counts.failed === 0 && exitCode !== 0 ? 1 : counts.failed, seconds };
}

function notRun(name: string, reason: string): TStepResult {
  console.log(`\n━━ ${name} ━━\nnot run: ${reason}`);
  return { name, passed: 0, failed: 1, skipped: 0, seconds: 0 };
}

async function main(): Promise<number> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const results: TStepResult[] = [];
  const vitest = (project: string, report: string) =>
    testStep(`vitest ${project}`, join(BIN, "vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], report, countVitestReport);

  results.push(await checkStep("typecheck", async () => (await run(join(BIN, "tsc"), ["--noEmit", "-p", "tsconfig.json"])) === 0));
  results.push(await checkStep("lint", async () => (await run(join(BIN, "eslint"), ["--max-warnings", "0", "."])) === 0));
  results.push(await checkStep("content check", async () => (await run(process.execPath, [join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), "packages/content/src/cli/check.ts"])) === 0));
  results.push(await vitest("unit", join(OUTPUT_DIR, "vitest-unit.json")));
  results.push(await vitest("integration", join(OUTPUT_DIR, "vitest-integration.json")));
  const build = await checkStep("production build", async () => {
    await buildIfNeeded((message) => console.log(`[test] ${message}`));
    return true;
  });
  results.push(build);
  if (build.failed) {
    results.push(notRun("vitest system", "the build failed"), notRun("playwright e2e", "the build failed"));
  } else {
    results.push(await vitest("system", join(OUTPUT_DIR, "vitest-system.json")));
    const playwrightReport = join(OUTPUT_DIR, "playwright.json");
    results.push(await testStep("playwright e2e", join(BIN, "playwright"), ["test", "-c", "apps/web/playwright.config.ts"], playwrightReport, countPlaywrightReport));
  }

  console.log("\n━━ summary ━━");
  for (const step of results) {
    const status = step.failed ? "FAIL" : "ok  ";
    console.log(`${status} ${step.name.padEnd(20)} ${String(step.passed).padStart(4)} passed ${String(step.failed).padStart(3)} failed${step.skipped ? ` ${step.skipped} skipped` : ""}  (${step.seconds.toFixed(1)} s)`);
  }
  const total = results.reduce((sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed, skipped: sum.skipped + step.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
