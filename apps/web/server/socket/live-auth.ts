// Connection authentication for /live: the browser's next-auth session cookie, decoded
// with the server's secret, then the user re-read so deactivated accounts are refused.
import { getActiveUser, type Db, type TUserSummary } from "@perflab/db";
import { decode } from "next-auth/jwt";

/** The signed-in viewer, as the data layer's authorization checks want it. */
export type TLiveUser = TUserSummary;

export type TAuthenticateLiveUser = (cookieHeader: string | undefined) => Promise<TLiveUser | null>;

// next-auth v4 uses the __Secure- prefix when NEXTAUTH_URL is https.
const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

export function createSessionCookieAuthenticator(db: Db, secret: string): TAuthenticateLiveUser {
  return async (cookieHeader) => {
    const sessionToken = SESSION_COOKIE_NAMES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
    if (!sessionToken) return null;
    const claims = await decode({ token: sessionToken, secret }).catch(() => null);
    if (!claims?.sub || typeof claims.signedInAt !== "number") return null;
    const user = await getActiveUser(db, claims.sub, claims.signedInAt);
    return user;
  };
}
