// Creating a lab machine entry for the actor: the token comes back once and is never
// readable again. (The enrollment pages build on this.)
import { z } from "zod";
import type { Db } from "../client";
import type { TUserSummary } from "../users/user-summary";
import { toFieldErrors } from "../users/user-input";
import { hashAgentToken, newAgentToken } from "./agent-tokens";

export const ZNewAgent = z.object({ name: z.string().trim().min(1, "Name the machine").max(80, "At most 80 characters") });

export type TCreateAgentResult = { data: { agentId: string; name: string; token: string } } | { error: "invalid-input"; fieldErrors: Record<string, string> };

export async function createAgent(db: Db, actor: TUserSummary, input: unknown): Promise<TCreateAgentResult> {
  const parsed = ZNewAgent.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const token = newAgentToken();
  const agent = await db.agent.create({ data: { name: parsed.data.name, ownerId: actor.id, tokenHash: hashAgentToken(token) }, select: { id: true, name: true } });
  return { data: { agentId: agent.id, name: agent.name, token } };
}
