// Connection authentication for /agent. The handshake is validated here; the token check
// is a dependency, filled in by the lab-agent issue with hashed enrollment tokens.
import { describeZodError, ZAgentHandshake, type TAgentHandshake } from "@perflab/protocol";

export interface TAgentIdentity {
  agentId: string;
  ownerId: string;
}

export type TAuthenticateAgent = (token: string) => Promise<TAgentIdentity | null>;

export function parseAgentHandshake(auth: unknown): { data: TAgentHandshake } | { error: string } {
  const parsed = ZAgentHandshake.safeParse(auth ?? {});
  return parsed.success ? { data: parsed.data } : { error: describeZodError(parsed.error) };
}

/** Until lab machines can be enrolled no token is valid, so every agent is refused. */
export const refuseAllAgents: TAuthenticateAgent = async () => null;
