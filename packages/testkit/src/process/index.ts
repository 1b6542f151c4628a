// Process helpers without any test-runner import, for Playwright and benchmarks.
export { waitForHttpOk } from "./http";
export { startLauncher } from "./launcher";
export { spawnWatched, type TWatchedProcess } from "./spawn-watched";
