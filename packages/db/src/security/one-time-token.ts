// Tokens shown once (setup links, invitations): random, URL-safe, stored only as SHA-256,
// so a database dump cannot be used to redeem them.
import { createHash, randomBytes } from "node:crypto";

export function newOneTimeToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
