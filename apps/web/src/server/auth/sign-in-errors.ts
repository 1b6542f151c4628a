// The error codes sign-in can end with (next-auth passes them as ?error=… or as the
// `error` of signIn()), and what the sign-in page says for each.
export const THROTTLED_PREFIX = "throttled:";

export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(THROTTLED_PREFIX)) {
    const minutes = Math.max(1, Math.ceil(Number(code.slice(THROTTLED_PREFIX.length)) / 60));
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  switch (code) {
    case "CredentialsSignin":
      return "Email or password is incorrect.";
    case "deactivated":
      return "This account has been deactivated. Ask an administrator.";
    case "sign-up-closed":
      return "No perflab account uses this email, and sign-up is not open. Ask an administrator for an invitation.";
    case "email-missing":
    case "email-unverified":
      return "Your identity provider did not confirm a verified email address, so perflab cannot match it to an account.";
    default:
      return "Sign-in failed. Try again.";
  }
}
