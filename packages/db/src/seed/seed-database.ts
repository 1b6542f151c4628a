// What every database needs after its migrations: instance settings with their defaults.
// Idempotent: `npm start` runs it on every start and it never overwrites an admin's choice.
// No account is created here: the first admin comes from the one-time setup link.
import type { Db } from "../client";

export const DEFAULT_INSTANCE_SETTINGS: Readonly<Record<string, string>> = {
  // Who may create an account: "open", "invite-only" or "closed".
  signup_mode: "invite-only",
  // The quiz score (percent) that passes a topic's quiz.
  quiz_pass_percent: "80",
};

export async function seedDatabase(db: Db): Promise<void> {
  for (const [key, value] of Object.entries(DEFAULT_INSTANCE_SETTINGS)) {
    await db.instanceSetting.upsert({ where: { key }, create: { key, value }, update: {} });
  }
}
