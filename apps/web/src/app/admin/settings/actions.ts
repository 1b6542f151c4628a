"use server";
// The server action behind the settings form. The data layer validates the values and
// checks that the actor is an admin; this maps its answer to what the form shows.
import { ForbiddenError, updateInstanceSettings } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export interface TSettingsFormState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  isSaved: boolean;
  /** What was chosen and typed, so a rejected form keeps it. */
  values: { signUpMode: string; quizPassPercent: string };
}

function readText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function submitSettingsForm(_previous: TSettingsFormState, formData: FormData): Promise<TSettingsFormState> {
  const values = { signUpMode: readText(formData, "signUpMode"), quizPassPercent: readText(formData, "quizPassPercent") };
  const rejected = { fieldErrors: {}, formError: null, isSaved: false, values };
  const actor = await getCurrentUser();
  if (!actor) return { ...rejected, formError: "Your session has ended. Sign in again." };
  try {
    const result = await updateInstanceSettings(getDb(), actor, values);
    if ("error" in result) return { ...rejected, fieldErrors: result.fieldErrors };
    revalidatePath("/admin", "layout");
    const saved = result.data;
    return { ...rejected, isSaved: true, values: { signUpMode: saved.signUpMode, quizPassPercent: String(saved.quizPassPercent) } };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ...rejected, formError: "Only administrators can change settings." };
    console.error("admin settings: saving failed", error);
    return { ...rejected, formError: "Something went wrong. Try again in a moment." };
  }
}
