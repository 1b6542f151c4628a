// One lint configuration for the whole repository (`npm run lint`, part of `npm test`).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** One no-restricted-imports block per package; tests may reach across to set up servers. */
function importBoundaries(rules) {
  return rules.map(({ files, forbidden, why, except = [] }) => ({
    files: files.map((glob) => `${glob.replace(/\*\*$/, "")}**/*.{ts,tsx,mjs}`),
    ignores: except,
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message: why }] }] },
  }));
}

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**", ".data/**", ".test-output/**", "apps/web/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", performance: "readonly", AbortSignal: "readonly", fetch: "readonly", Response: "readonly", WebAssembly: "readonly", globalThis: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off", // confined to the .mjs engine stand-in's JSDoc
      "no-empty-pattern": "off", // Playwright fixtures take ({}, use)
    },
  },
  // The import edges of ARCHITECTURE.md ("What may import what").
  ...importBoundaries([
    { files: ["packages/protocol/**"], forbidden: ["@perflab/*", "**/apps/**", "**/agent/**"], why: "protocol is loaded by agents and browsers: zod only" },
    { files: ["packages/content/**"], forbidden: ["@perflab/db", "@perflab/web", "@perflab/launcher", "@perflab/agent", "**/apps/**"], why: "content depends only on protocol (the metric catalogue)" },
    { files: ["packages/db/**"], forbidden: ["@perflab/web", "@perflab/launcher", "@perflab/content", "@perflab/agent", "**/apps/**"], why: "db depends only on protocol (the drill answer key it grades with)", except: ["**/*.test.ts"] },
    { files: ["packages/launcher/**"], forbidden: ["@perflab/web", "@perflab/protocol", "@perflab/content", "@perflab/agent", "**/apps/**"], why: "the launcher only operates the database and processes", except: ["**/*.test.ts"] },
    { files: ["agent/**"], forbidden: ["@perflab/db", "@perflab/web", "@perflab/content", "@perflab/launcher", "**/apps/**", "**/packages/db/**"], why: "the agent runs on lab machines and knows only the protocol", except: ["**/*.test.ts"] },
  ]),
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules, ...reactHooks.configs.recommended.rules },
    settings: { next: { rootDir: "apps/web" } },
  },
);
