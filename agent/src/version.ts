// The agent's version, sent in every hello (bump with protocol or collector changes).
export const AGENT_VERSION = "0.2.0";
