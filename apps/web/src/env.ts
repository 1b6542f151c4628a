// The web server's configuration: every variable it reads, validated once. Nothing else
// in apps/web reads process.env. Parsed lazily so `next build` needs no database.
import { z } from "zod";

const ZDatabaseUrl = z
  .string({ error: "is required" })
  .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL");

export const ZServerEnv = z.object({
  DATABASE_URL: ZDatabaseUrl,
  AUTH_SECRET: z.string({ error: "is required (the launcher generates one under .data/)" }).min(32, "must be at least 32 characters"),
  PORT: z.coerce.number({ error: "must be a number" }).int("must be an integer").min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** The URL people use to reach perflab; links and cookies are built from it. */
  PERFLAB_PUBLIC_URL: z.url("must be an absolute URL such as https://perflab.example.com").optional(),
  /** The curriculum: docs/ and scripts/ (default: ./content under the working directory). */
  PERFLAB_CONTENT_DIR: z.string().min(1).default("content"),
  /** The bundled lab agent offered for download at /api/agent/agent.mjs (built by `npm start`). */
  PERFLAB_AGENT_BUNDLE: z.string().min(1).default("agent/dist/agent.mjs"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** How long lab agents' metric history is kept (charts open with it; runs replay from it). */
  PERFLAB_AGENT_HISTORY_HOURS: z.coerce.number({ error: "must be a number of hours" }).min(1, "must be at least 1 hour").max(24 * 90, "must be at most 2160 hours (90 days)").default(24),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (sign-in throttling). */
  PERFLAB_TRUST_PROXY: z.enum(["0", "1", "true", "false"], { error: 'must be "1" or "0"' }).default("0").transform((value) => value === "1" || value === "true"),
  /** A generic OpenID Connect provider (Keycloak, Okta, Google Workspace, …): all three or none. */
  OIDC_ISSUER: z.url("must be the issuer URL, e.g. https://sso.example.com/realms/main").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The button label on the sign-in page. */
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default("Single sign-on"),
}).superRefine((env, context) => {
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    context.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together" });
  }
});
export type TServerEnv = z.infer<typeof ZServerEnv> & { PERFLAB_PUBLIC_URL: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment, naming every bad variable in the error. */
export function parseServerEnv(source: Record<string, string | undefined>): TServerEnv {
  const parsed = ZServerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const publicUrl = parsed.data.PERFLAB_PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`;
  return { ...parsed.data, PERFLAB_PUBLIC_URL: publicUrl.replace(/\/$/, "") };
}

let cached: TServerEnv | undefined;

export function getServerEnv(): TServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
