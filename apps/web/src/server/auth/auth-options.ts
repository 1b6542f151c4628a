// next-auth configuration: email + password (throttled per account and address in the
// data layer) and, when configured, one generic OpenID Connect provider. JWT sessions
// carry the user id and the sign-in time; everything else is re-read per request.
import { signInWithIdentityProvider, signInWithPassword, type TIdentityClaims } from "@perflab/db";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getServerEnv, type TServerEnv } from "../../env";
import { getDb } from "../db";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address-header";
import { THROTTLED_PREFIX } from "./sign-in-errors";

export const SESSION_MAX_AGE_S = 12 * 60 * 60; // a working day; sign in again tomorrow
export const OIDC_PROVIDER_ID = "oidc";

interface TOidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

function oidcProvider(env: TServerEnv): OAuthConfig<TOidcProfile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    // The ID token is validated (signature, issuer, audience, nonce); the claims come from
    // it merged with the userinfo endpoint, because providers disagree on which claims
    // they put in the ID token (Okta, Azure AD and others may leave email out) while
    // userinfo returns every claim the granted scopes allow.
    idToken: true,
    userinfo: {
      async request({ tokens, client }) {
        // next-auth passes the validated TokenSet here, typed only by its fields.
        const fromIdToken = (tokens as unknown as { claims: () => Record<string, unknown> }).claims();
        if (!tokens.access_token) throw new Error("the identity provider returned no access token");
        const fromUserinfo = await client.userinfo(tokens.access_token);
        // OIDC Core 5.3.2: a userinfo response for another subject must not be used.
        if (fromUserinfo.sub !== fromIdToken.sub) throw new Error("userinfo subject differs from the ID token");
        return { ...fromIdToken, ...fromUserinfo };
      },
    },
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null }),
  };
}

function identityClaims(subject: string, profile: unknown): TIdentityClaims {
  const claims = (profile ?? {}) as Partial<TOidcProfile>;
  return { provider: OIDC_PROVIDER_ID, subject, email: claims.email, emailVerified: claims.email_verified === true, name: claims.name ?? claims.preferred_username };
}

function headerValue(headers: unknown, name: string): string | null {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return typeof value === "string" && value ? value : null;
}

export function getAuthOptions(): NextAuthOptions {
  const env = getServerEnv();
  const oidc = oidcProvider(env);
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const address = headerValue(request?.headers, CLIENT_ADDRESS_HEADER);
          const result = await signInWithPassword(getDb(), { email: credentials?.email, password: credentials?.password, address });
          if ("data" in result) return { id: result.data.id, email: result.data.email, name: result.data.name };
          // next-auth hands a thrown message to the sign-in page as its error code.
          if (result.error === "throttled") throw new Error(`${THROTTLED_PREFIX}${result.retryAfterSeconds}`);
          return null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const result = await signInWithIdentityProvider(getDb(), identityClaims(account.providerAccountId, profile));
        return "data" in result ? true : `/sign-in?error=${result.error}`;
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        if (account?.provider === OIDC_PROVIDER_ID) {
          // signIn above linked or created the account; this resolves the same one.
          const result = await signInWithIdentityProvider(getDb(), identityClaims(account.providerAccountId, profile));
          if (!("data" in result)) throw new Error(result.error);
          token.sub = result.data.id;
          token.name = result.data.name;
          token.email = result.data.email;
        } else {
          token.sub = user.id;
        }
        // When this sign-in happened: "sign out everywhere" refuses sessions older than it.
        token.signedInAt = Date.now();
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, signedInAt: token.signedInAt };
      },
    },
  };
}

export function isOidcConfigured(): boolean {
  return oidcProvider(getServerEnv()) !== null;
}
