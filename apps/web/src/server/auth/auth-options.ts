// next-auth configuration: email + password, JWT sessions. OIDC providers and sign-in rate
// limits are added with the accounts issue; this is the one place they plug in.
import { authenticateWithPassword } from "@perflab/db";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerEnv } from "../../env";
import { getDb } from "../db";

export const SESSION_MAX_AGE_S = 12 * 60 * 60; // a working day; sign in again tomorrow

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getServerEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const user = await authenticateWithPassword(getDb(), credentials?.email, credentials?.password);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // When this sign-in happened: "sign out everywhere" refuses sessions older than it.
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, signedInAt: token.signedInAt };
      },
    },
  };
}
