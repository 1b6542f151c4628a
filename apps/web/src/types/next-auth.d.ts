// The session carries the user id and when the sign-in happened; role and status are
// re-read from the database on every request (see server/auth/current-user.ts), so a JWT
// never outlives a demotion, a deactivation or "sign out everywhere".
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId?: string;
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** ms since epoch of the sign-in that created this session. */
    signedInAt?: number;
  }
}
