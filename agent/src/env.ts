// The agent's configuration: every variable it reads, validated once.
import { z } from "zod";

const ZAgentEnv = z.object({
  PERFLAB_SERVER_URL: z.url("must be the perflab web address, e.g. https://perflab.example.com"),
  PERFLAB_AGENT_TOKEN: z.string({ error: "is required: copy it from the lab machine's enrollment page" }).min(1, "is required"),
  /** Where /proc is mounted (a container watching its host mounts it elsewhere). */
  PERFLAB_PROC_ROOT: z.string().min(1).default("/proc"),
});
export type TAgentEnv = z.infer<typeof ZAgentEnv>;

export function parseAgentEnv(source: Record<string, string | undefined>): TAgentEnv {
  const parsed = ZAgentEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`).join("; ")}`);
  }
  return parsed.data;
}
