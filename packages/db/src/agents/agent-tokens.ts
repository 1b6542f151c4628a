// Agent tokens: shown once when a lab machine is created (or its token rotated), stored
// as SHA-256 only. The "pla_" prefix lets secret scanners and people recognise one.
import { hashOneTimeToken, newOneTimeToken } from "../security/one-time-token";

export const AGENT_TOKEN_PREFIX = "pla_";

export function newAgentToken(): string {
  return `${AGENT_TOKEN_PREFIX}${newOneTimeToken()}`;
}

export const hashAgentToken = hashOneTimeToken;
