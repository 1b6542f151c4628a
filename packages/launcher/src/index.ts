// @perflab/launcher: `npm start` (src/start.ts). Exported for tests and benchmarks.
export { parseLauncherEnv, ConfigError, type TLauncherEnv } from "./env";
export { isWebBuildCurrent } from "./build-if-needed";
