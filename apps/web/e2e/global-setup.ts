// Starts what the specs test: a fresh migrated database and the built web server on a
// free port. The base URL and the one-time setup link reach the specs through env
// variables (workers are started after this and inherit them).
import { applyMigrations, createDatabase, dropDatabase, findFreePort, REPO_ROOT } from "@perflab/db/admin";
import { buildIfNeeded, WEB_SERVER_ENTRY } from "@perflab/launcher";
import { startTestServer } from "@perflab/testkit/database-server";
import { startTestIdentityProvider } from "@perflab/testkit/identity-provider";
import { spawnWatched, waitForHttpOk } from "@perflab/testkit/process";
import { randomBytes } from "node:crypto";

export default async function globalSetup(): Promise<() => Promise<void>> {
  await buildIfNeeded((message) => console.log(`[e2e] ${message}`));
  const server = await startTestServer();
  const databaseName = `perflab_e2e_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = await createDatabase(server.url, databaseName);
  await applyMigrations(databaseUrl);

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // A real OpenID Connect provider, so single sign-on is tested like a Keycloak or Okta.
  const identityProvider = await startTestIdentityProvider(await findFreePort(), `${baseUrl}/api/auth/callback/oidc`);
  const web = spawnWatched(process.execPath, ["--enable-source-maps", WEB_SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      HOST: "127.0.0.1",
      PERFLAB_PUBLIC_URL: baseUrl,
      OIDC_ISSUER: identityProvider.issuer,
      OIDC_CLIENT_ID: identityProvider.clientId,
      OIDC_CLIENT_SECRET: identityProvider.clientSecret,
      OIDC_DISPLAY_NAME: "Test SSO",
    },
  });
  const [setupUrl] = await web.waitFor(/http:\/\/\S+\/setup\?token=[\w-]+/, 60_000);
  await waitForHttpOk(`${baseUrl}/api/health`, 10_000);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_SETUP_URL = setupUrl;

  return async () => {
    const code = await web.stop("SIGTERM");
    if (code !== 0) console.error(`[e2e] web server exited with ${code}:\n${web.output()}`);
    await identityProvider.stop();
    await dropDatabase(server.url, databaseName);
    await server.stop();
  };
}
