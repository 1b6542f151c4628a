// perflab-agent: connects a lab machine to perflab. This first version authenticates and
// keeps the connection; the /proc collectors and the scenario runner attach to it.
import { connectAgent } from "./connection";
import { parseAgentEnv } from "./env";

const log = (message: string) => console.log(`[agent] ${message}`);

function main(): void {
  let env;
  try {
    env = parseAgentEnv(process.env);
  } catch (error) {
    console.error(`[agent] ${(error as Error).message}`);
    process.exit(2);
  }
  const connection = connectAgent(env.PERFLAB_SERVER_URL, env.PERFLAB_AGENT_TOKEN);
  connection.socket.on("disconnect", (reason) => log(`disconnected (${reason}); reconnecting`));
  connection.socket.io.on("reconnect_attempt", (attempt) => log(`cannot reach ${env.PERFLAB_SERVER_URL}; retry ${attempt}`));
  connection.ready.then(
    (session) => log(`connected to ${env.PERFLAB_SERVER_URL} as ${session.subject.id} (protocol ${session.protocolVersion})`),
    (error: Error) => {
      console.error(`[agent] ${error.message}`);
      process.exit(3);
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      log(`${signal}: disconnecting`);
      connection.socket.disconnect();
      process.exit(0);
    });
  }
}

main();
