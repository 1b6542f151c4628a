// What clients send when they connect (Socket.IO `auth`), validated before anything else.
import { z } from "zod";
import { PROTOCOL_VERSION } from "./namespaces";

export const ZAgentHandshake = z.object({
  token: z.string().min(1, "token is required").max(512, "token is too long"),
  protocolVersion: z.number().int().positive().default(PROTOCOL_VERSION),
});
export type TAgentHandshake = z.infer<typeof ZAgentHandshake>;

export const ZSessionReady = z.object({
  protocolVersion: z.number().int().positive(),
  subject: z.object({ kind: z.enum(["user", "agent"]), id: z.string() }),
});
export type TSessionReady = z.infer<typeof ZSessionReady>;
