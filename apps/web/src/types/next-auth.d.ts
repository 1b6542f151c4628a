// The session carries only the user id; role and status are re-read from the database on
// every request (see server/auth/current-user.ts), so a JWT never outlives a demotion.
import "next-auth";

declare module "next-auth" {
  interface Session {
    userId?: string;
  }
}
