// Instance-wide settings an admin changes at run time. Stored as key/value rows (seeded
// with defaults) and validated here on every read, so a hand-edited row cannot break a page.
import { z } from "zod";
import type { Db } from "../client";
import { assertAdmin } from "../security/authorize";
import type { TUserSummary } from "../users/user-summary";

export const SIGN_UP_MODES = ["open", "invite-only", "closed"] as const;
export type TSignUpMode = (typeof SIGN_UP_MODES)[number];

export const ZInstanceSettings = z.object({
  signUpMode: z.enum(SIGN_UP_MODES, { error: "Choose open, invite-only or closed" }),
  quizPassPercent: z.coerce
    .number({ error: "Enter a number" })
    .int("Enter a whole number")
    .min(1, "Must be between 1 and 100")
    .max(100, "Must be between 1 and 100"),
});
export type TInstanceSettings = z.infer<typeof ZInstanceSettings>;

export const DEFAULT_SETTINGS: TInstanceSettings = { signUpMode: "invite-only", quizPassPercent: 80 };

const KEYS: Record<keyof TInstanceSettings, string> = { signUpMode: "signup_mode", quizPassPercent: "quiz_pass_percent" };

/** Public: the sign-up page and the quiz grader need these without an admin. */
export async function readInstanceSettings(db: Pick<Db, "instanceSetting">): Promise<TInstanceSettings> {
  const rows = await db.instanceSetting.findMany({ where: { key: { in: Object.values(KEYS) } } });
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const settings = { ...DEFAULT_SETTINGS };
  const mode = ZInstanceSettings.shape.signUpMode.safeParse(byKey.get(KEYS.signUpMode));
  if (mode.success) settings.signUpMode = mode.data;
  const percent = ZInstanceSettings.shape.quizPassPercent.safeParse(byKey.get(KEYS.quizPassPercent));
  if (percent.success) settings.quizPassPercent = percent.data;
  return settings;
}

export type TUpdateSettingsResult = { data: TInstanceSettings } | { error: "invalid-input"; fieldErrors: Record<string, string> };

export async function updateInstanceSettings(db: Db, actor: TUserSummary, input: unknown): Promise<TUpdateSettingsResult> {
  assertAdmin(actor, "change instance settings");
  const parsed = ZInstanceSettings.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { error: "invalid-input", fieldErrors };
  }
  await db.$transaction(
    (Object.keys(KEYS) as (keyof TInstanceSettings)[]).map((field) =>
      db.instanceSetting.upsert({ where: { key: KEYS[field] }, create: { key: KEYS[field], value: String(parsed.data[field]) }, update: { value: String(parsed.data[field]) } }),
    ),
  );
  return { data: parsed.data };
}
