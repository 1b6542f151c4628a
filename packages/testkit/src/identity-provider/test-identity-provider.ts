// A real OpenID Connect provider for end-to-end tests (panva's oidc-provider, the
// certified implementation), so perflab's "sign in with your identity provider" is tested
// through discovery, the authorization-code flow with PKCE and ID-token validation,
// exactly as with Keycloak or Okta. Anyone can sign in with any login name (its built-in
// development login page); the login becomes the subject, and a login that looks like an
// email address is also the account's verified email.
import Provider from "oidc-provider";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";

export interface TTestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

export async function startTestIdentityProvider(port: number, redirectUri: string): Promise<TTestIdentityProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "perflab-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_context, subject) => ({
      accountId: subject,
      claims: () => ({
        sub: subject,
        ...(subject.includes("@") ? { email: subject.toLowerCase(), email_verified: true } : {}),
        name: `SSO ${subject.split("@")[0]}`,
      }),
    }),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
