// The copy-paste commands that put the agent on a lab machine with a token: one to try it
// in a terminal, one to install it as a systemd service. The token goes through the
// environment (arguments show in `ps`; the service keeps it in a mode-600 file).
export interface TInstallCommands {
  token: string;
  /** Download and run in the foreground (Node.js 20+). */
  run: string;
  /** Download and install as the perflab-agent systemd service (root). */
  service: string;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export function installCommands(publicUrl: string, token: string): TInstallCommands {
  const server = publicUrl.replace(/\/$/, "");
  const download = `curl -fsSLo agent.mjs ${quote(`${server}/api/agent/agent.mjs`)}`;
  return {
    token,
    run: `${download} && PERFLAB_AGENT_TOKEN=${quote(token)} node agent.mjs run --server ${quote(server)}`,
    service: `${download} && curl -fsSL -O ${quote(`${server}/api/agent/install.sh`)} -O ${quote(`${server}/api/agent/perflab-agent.service`)} && sudo sh install.sh --agent-file agent.mjs --server ${quote(server)} --token ${quote(token)}`,
  };
}
