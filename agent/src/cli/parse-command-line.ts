// perflab-agent's command line. Every option also has an environment variable, so a
// systemd unit can keep the token in an EnvironmentFile instead of in `ps` output.
import { parseArgs } from "node:util";
import * as z from "zod/mini"; // the agent bundles only the zod it uses (see packages/protocol/src/agent-events.ts)

export const USAGE = `perflab-agent: streams this machine's kernel metrics to perflab

Usage:
  perflab-agent run --server URL [--token TOKEN] [options]
  perflab-agent snapshot [--proc-root DIR] [--cgroup-root DIR] --json
  perflab-agent --help | --version

run: sample /proc every second and stream to the perflab server.
  --server URL          perflab's address (env PERFLAB_SERVER_URL)
  --token TOKEN         the machine's token from its enrollment page
                        (env PERFLAB_AGENT_TOKEN; prefer the variable: arguments show in ps)
  --proc-root DIR       where /proc is mounted (env PERFLAB_PROC_ROOT, default /proc)
  --cgroup-root DIR     the cgroup filesystem (env PERFLAB_CGROUP_ROOT, default /sys/fs/cgroup)
  --prometheus ADDR     also serve metrics in Prometheus text format at http://ADDR/metrics,
                        e.g. 127.0.0.1:9464 (env PERFLAB_PROMETHEUS; off by default)
  --buffer-mb N         memory for batches the server has not acknowledged yet
                        (env PERFLAB_BUFFER_MB, default 16; oldest dropped first)
  --state-dir DIR       where the agent keeps its scenario scripts (env PERFLAB_STATE_DIR,
                        default /var/lib/perflab-agent as root, else ~/.local/state/perflab-agent)

snapshot: read every file once and print what the agent parses, as JSON.
`;

const ZRunOptions = z.object({
  server: z.url("--server must be perflab's address, e.g. https://perflab.example.com"),
  token: z.string({ error: "--token (or PERFLAB_AGENT_TOKEN) is required: copy it from the machine's enrollment page" }).check(z.minLength(1, "--token (or PERFLAB_AGENT_TOKEN) must not be empty")),
  procRoot: z._default(z.string().check(z.minLength(1)), "/proc"),
  cgroupRoot: z._default(z.string().check(z.minLength(1)), "/sys/fs/cgroup"),
  prometheus: z.optional(z.string().check(z.regex(/^[^\s:]+:\d{1,5}$/, "--prometheus must be HOST:PORT, e.g. 127.0.0.1:9464"))),
  stateDir: z.optional(z.string().check(z.minLength(1, "--state-dir must not be empty"))),
  bufferMb: z._default(z.coerce.number({ error: "--buffer-mb must be a number" }).check(z.minimum(1, "--buffer-mb must be at least 1"), z.maximum(1024, "--buffer-mb must be at most 1024")), 16),
});
export type TRunOptions = z.infer<typeof ZRunOptions>;

export type TCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; options: TRunOptions }
  | { kind: "snapshot"; procRoot: string; cgroupRoot: string }
  | { kind: "error"; message: string };

export function parseCommandLine(argv: string[], env: Record<string, string | undefined>): TCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        json: { type: "boolean" },
        server: { type: "string" },
        token: { type: "string" },
        "proc-root": { type: "string" },
        "cgroup-root": { type: "string" },
        prometheus: { type: "string" },
        "buffer-mb": { type: "string" },
        "state-dir": { type: "string" },
      },
    });
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...extra] = positionals;
  if (extra.length > 0) return { kind: "error", message: `unexpected argument: ${extra[0]}` };
  const procRoot = values["proc-root"] ?? env.PERFLAB_PROC_ROOT ?? "/proc";
  const cgroupRoot = values["cgroup-root"] ?? env.PERFLAB_CGROUP_ROOT ?? "/sys/fs/cgroup";
  if (command === "snapshot") {
    if (!values.json) return { kind: "error", message: "snapshot prints JSON only: add --json" };
    return { kind: "snapshot", procRoot, cgroupRoot };
  }
  if (command !== "run") return { kind: "error", message: command ? `unknown command: ${command}` : "no command given" };
  const options = ZRunOptions.safeParse({
    server: values.server ?? env.PERFLAB_SERVER_URL,
    token: values.token ?? env.PERFLAB_AGENT_TOKEN,
    procRoot,
    cgroupRoot,
    prometheus: values.prometheus ?? env.PERFLAB_PROMETHEUS,
    bufferMb: values["buffer-mb"] ?? env.PERFLAB_BUFFER_MB,
    stateDir: values["state-dir"] ?? env.PERFLAB_STATE_DIR,
  });
  if (!options.success) return { kind: "error", message: options.error.issues.map((issue) => issue.message).join("; ") };
  return { kind: "run", options: options.data };
}
