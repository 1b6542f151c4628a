// What clients send when they connect (Socket.IO `auth`), validated before anything else.
import * as z from "zod/mini";
import { PROTOCOL_VERSION } from "./namespaces";

export const ZAgentHandshake = z.object({
  token: z.string().check(z.minLength(1, "token is required"), z.maxLength(512, "token is too long")),
  protocolVersion: z._default(z.int().check(z.positive()), PROTOCOL_VERSION),
});
export type TAgentHandshake = z.infer<typeof ZAgentHandshake>;

export const ZSessionReady = z.object({
  protocolVersion: z.int().check(z.positive()),
  subject: z.object({ kind: z.enum(["user", "agent"]), id: z.string() }),
});
export type TSessionReady = z.infer<typeof ZSessionReady>;
