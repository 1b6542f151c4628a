// @perflab/launcher: `npm start` (src/start.ts). Exported for tests and benchmarks.
export { parseLauncherEnv, ConfigError, type TLauncherEnv } from "./env";
export { buildIfNeeded, isWebBuildCurrent, WEB_SERVER_ENTRY } from "./build-if-needed";
