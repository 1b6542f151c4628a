// Sign-in through an OIDC identity provider (Keycloak, Okta, Google Workspace, …). The
// provider's subject is the durable link; an email match links an existing account only
// when the provider says the email is verified (otherwise anyone could claim an account
// by registering its address at a lax provider). New accounts follow the sign-up mode.
import type { Db } from "../client";
import { Prisma } from "../generated/prisma/client";
import { readInstanceSettings } from "../settings/instance-settings";
import { ZDisplayName, ZEmail } from "../users/user-input";
import { USER_SUMMARY_SELECT, type TUserSummary } from "../users/user-summary";

export interface TIdentityClaims {
  provider: string;
  subject: string;
  email: unknown;
  emailVerified: boolean;
  name: unknown;
}

export type TIdentitySignInResult = { data: TUserSummary } | { error: "deactivated" | "sign-up-closed" | "email-missing" | "email-unverified" };

export async function signInWithIdentityProvider(db: Db, claims: TIdentityClaims): Promise<TIdentitySignInResult> {
  const linked = await db.userIdentity.findUnique({
    where: { provider_subject: { provider: claims.provider, subject: claims.subject } },
    select: { user: { select: { ...USER_SUMMARY_SELECT, deactivatedAt: true } } },
  });
  if (linked) return linked.user.deactivatedAt ? { error: "deactivated" } : { data: stripState(linked.user) };

  const email = ZEmail.safeParse(claims.email);
  if (!email.success) return { error: "email-missing" };
  if (!claims.emailVerified) return { error: "email-unverified" };
  const existing = await db.user.findUnique({ where: { email: email.data }, select: { ...USER_SUMMARY_SELECT, deactivatedAt: true } });
  if (existing) {
    if (existing.deactivatedAt) return { error: "deactivated" };
    await linkIdentity(db, claims, existing.id);
    return { data: stripState(existing) };
  }

  // Only open sign-up creates accounts here; invitations are redeemed through the form.
  if ((await readInstanceSettings(db)).signUpMode !== "open") return { error: "sign-up-closed" };
  const name = ZDisplayName.safeParse(claims.name);
  try {
    const user = await db.user.create({
      data: { email: email.data, name: name.success ? name.data : email.data.split("@")[0]!, identities: { create: { provider: claims.provider, subject: claims.subject } } },
      select: USER_SUMMARY_SELECT,
    });
    return { data: user };
  } catch (error) {
    // The same person signing in twice at once: the other request created it; use that.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return signInWithIdentityProvider(db, claims);
    throw error;
  }
}

async function linkIdentity(db: Db, claims: TIdentityClaims, userId: string): Promise<void> {
  await db.userIdentity.upsert({
    where: { provider_subject: { provider: claims.provider, subject: claims.subject } },
    create: { provider: claims.provider, subject: claims.subject, userId },
    update: {},
  });
}

function stripState({ deactivatedAt: _deactivatedAt, ...user }: TUserSummary & { deactivatedAt: Date | null }): TUserSummary {
  return user;
}
