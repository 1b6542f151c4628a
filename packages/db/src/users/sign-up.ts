// Creating an account from the sign-up form. The instance's sign-up mode decides who may:
// "open" (anyone; an invitation still grants its role), "invite-only" (a valid invitation,
// locked to its email when it names one), "closed" (nobody).
import type { Db } from "../client";
import { Prisma } from "../generated/prisma/client";
import { Role } from "../generated/prisma/enums";
import { hashPassword } from "../security/password";
import { hashOneTimeToken } from "../security/one-time-token";
import { readInstanceSettings } from "../settings/instance-settings";
import { toFieldErrors, ZNewAccount } from "./user-input";
import { USER_SUMMARY_SELECT, type TUserSummary } from "./user-summary";

export type TSignUpResult =
  | { data: TUserSummary }
  | { error: "invalid-input"; fieldErrors: Record<string, string> }
  | { error: "sign-up-closed" | "invitation-required" | "invalid-invitation" };

export async function signUp(db: Db, input: unknown, invitationToken: string | null, now = new Date()): Promise<TSignUpResult> {
  const { signUpMode } = await readInstanceSettings(db);
  if (signUpMode === "closed") return { error: "sign-up-closed" };
  if (signUpMode === "invite-only" && !invitationToken) return { error: "invitation-required" };
  const parsed = ZNewAccount.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const account = parsed.data;
  const passwordHash = await hashPassword(account.password); // outside the transaction: ~0.3 s

  try {
    return await db.$transaction(async (tx) => {
      let role: Role = Role.LEARNER;
      let invitationId: string | null = null;
      if (invitationToken) {
        const invitation = await tx.invitation.findFirst({
          where: { tokenHash: hashOneTimeToken(invitationToken), usedAt: null, revokedAt: null, expiresAt: { gt: now } },
          select: { id: true, email: true, role: true },
        });
        if (!invitation) return { error: "invalid-invitation" as const };
        if (invitation.email && invitation.email !== account.email) {
          return { error: "invalid-input" as const, fieldErrors: { email: "This invitation is for a different email address" } };
        }
        role = invitation.role;
        invitationId = invitation.id;
      }
      const user = await tx.user.create({ data: { name: account.name, email: account.email, passwordHash, role }, select: USER_SUMMARY_SELECT });
      if (invitationId) {
        // Claimed atomically: two sign-ups racing on one invitation cannot both win.
        const claimed = await tx.invitation.updateMany({ where: { id: invitationId, usedAt: null }, data: { usedAt: now, usedById: user.id } });
        if (claimed.count !== 1) throw new InvitationRaceLost();
      }
      return { data: user };
    });
  } catch (error) {
    if (error instanceof InvitationRaceLost) return { error: "invalid-invitation" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { error: "invalid-input", fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
    }
    throw error;
  }
}

class InvitationRaceLost extends Error {}
