// The launcher's configuration (`npm start`): every variable it reads, validated once.
// What the web server needs is passed on to it explicitly (see web-process.ts).
import { resolve } from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "@perflab/db/admin";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const ZLauncherEnv = z.object({
  PORT: z.coerce.number({ error: "must be a number" }).int("must be an integer").min(1, "must be 1-65535").max(65535, "must be 1-65535").default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^/]+/, "must be a postgresql://user:password@host:port/database URL")
    .optional(),
  PERFLAB_DATA_DIR: z.string().min(1).default(".data"),
  PERFLAB_CONTENT_DIR: z.string().min(1).default("content"),
  PERFLAB_PUBLIC_URL: z.url("must be an absolute URL such as https://perflab.example.com").optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (or leave it unset to have one generated)").optional(),
  PERFLAB_LOCAL_AGENT: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export interface TLauncherEnv {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  contentDir: string;
  publicUrl: string;
  authSecret: string | null;
  /** Whether to run a lab agent on this machine, enrolled for the first admin (local-agent.ts). */
  isLocalAgentEnabled: boolean;
}

export function parseLauncherEnv(source: Record<string, string | undefined>): TLauncherEnv {
  // An empty variable (DATABASE_URL= in a .env file) means "unset", not "invalid".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZLauncherEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir: resolve(REPO_ROOT, env.PERFLAB_DATA_DIR),
    contentDir: resolve(REPO_ROOT, env.PERFLAB_CONTENT_DIR),
    publicUrl: (env.PERFLAB_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    authSecret: env.AUTH_SECRET ?? null,
    isLocalAgentEnabled: env.PERFLAB_LOCAL_AGENT === "on",
  };
}
