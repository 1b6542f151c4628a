"use server";
// Server actions of the team pages. Each request's shape is checked with zod first; the
// data layer then decides who may do it (administrators manage teams and people, a team's
// leads its tracks) and validates the content. Refused forms come back with what was typed.
import { addTeamMember, createTeam, createTrack, deleteTrack, ForbiddenError, removeTeamMember, setTeamLead, updateTrack } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

const SESSION_ENDED = "Your session has ended. Sign in again.";
const NOT_UNDERSTOOD = "This request was not understood. Reload the page and try again.";
const ZId = z.string().min(1).max(64);
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export interface TFormState<TValues> {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: TValues;
}

/** Runs a form's data call; a refusal by the data layer is shown as the form's error, not a crash. */
async function submitted<TValues, T>(values: TValues, call: (actor: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>) => Promise<T>): Promise<{ state: TFormState<TValues> } | { result: T }> {
  const actor = await getCurrentUser();
  if (!actor) return { state: { fieldErrors: {}, formError: SESSION_ENDED, values } };
  try {
    return { result: await call(actor) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { state: { fieldErrors: {}, formError: error.message, values } };
    throw error;
  }
}

export type TCreateTeamState = TFormState<{ name: string }>;

export async function submitCreateTeam(_previous: TCreateTeamState, formData: FormData): Promise<TCreateTeamState> {
  const values = { name: text(formData, "name") };
  const outcome = await submitted(values, (actor) => createTeam(getDb(), actor, values));
  if ("state" in outcome) return outcome.state;
  if ("error" in outcome.result) return { fieldErrors: outcome.result.fieldErrors, formError: null, values };
  redirect(`/teams/${outcome.result.data.id}`);
}

export type TAddMemberState = TFormState<{ teamId: string; email: string; isLead: boolean }>;

export async function submitAddMember(_previous: TAddMemberState, formData: FormData): Promise<TAddMemberState> {
  const values = { teamId: text(formData, "teamId"), email: text(formData, "email"), isLead: formData.get("isLead") === "on" };
  if (!ZId.safeParse(values.teamId).success) return { fieldErrors: {}, formError: NOT_UNDERSTOOD, values };
  const outcome = await submitted(values, (actor) => addTeamMember(getDb(), actor, values.teamId, { email: values.email, isLead: values.isLead }));
  if ("state" in outcome) return outcome.state;
  if ("error" in outcome.result) return { fieldErrors: outcome.result.fieldErrors, formError: null, values };
  revalidatePath(`/teams/${values.teamId}`);
  return { fieldErrors: {}, formError: null, values: { teamId: values.teamId, email: "", isLead: false } };
}

export type TTrackFormState = TFormState<{ teamId: string; trackId: string; title: string; topicIds: string; dueAt: string }> & { savedAt: number | null };

/** Creates a track, or edits the one named by trackId; the form stays open with its values either way. */
export async function submitTrack(previous: TTrackFormState, formData: FormData): Promise<TTrackFormState> {
  const values = { teamId: text(formData, "teamId"), trackId: text(formData, "trackId"), title: text(formData, "title"), topicIds: text(formData, "topicIds"), dueAt: text(formData, "dueAt") };
  const refused = (fieldErrors: Record<string, string>, formError: string | null): TTrackFormState => ({ fieldErrors, formError, values, savedAt: previous.savedAt });
  if (!ZId.safeParse(values.teamId).success || (values.trackId !== "" && !ZId.safeParse(values.trackId).success)) return refused({}, NOT_UNDERSTOOD);
  const input = { title: values.title, topicIds: values.topicIds, dueAt: values.dueAt };
  const outcome = await submitted(values, (actor) => (values.trackId ? updateTrack(getDb(), actor, values.teamId, values.trackId, input) : createTrack(getDb(), actor, values.teamId, input)));
  if ("state" in outcome) return { ...outcome.state, savedAt: previous.savedAt };
  if ("error" in outcome.result) return outcome.result.error === "not-found" ? refused({}, "This track was removed meanwhile.") : refused(outcome.result.fieldErrors, null);
  revalidatePath(`/teams/${values.teamId}`);
  // A new track empties the form for the next one; an edited one keeps what was saved.
  const saved = values.trackId ? values : { ...values, title: "", topicIds: "", dueAt: "" };
  return { fieldErrors: {}, formError: null, values: saved, savedAt: Date.now() };
}

const ZMemberRequest = z.object({ teamId: ZId, userId: ZId, intent: z.enum(["make-lead", "make-member", "remove"]) });

/** The buttons on a member's row (administrators): lead or not, or off the team. */
export async function manageMemberAction(formData: FormData): Promise<void> {
  const request = ZMemberRequest.safeParse(Object.fromEntries(formData));
  const actor = await getCurrentUser();
  if (!request.success || !actor) return;
  const { teamId, userId, intent } = request.data;
  if (intent === "remove") await removeTeamMember(getDb(), actor, teamId, userId);
  else await setTeamLead(getDb(), actor, teamId, userId, intent === "make-lead");
  revalidatePath(`/teams/${teamId}`);
}

const ZTrackRequest = z.object({ teamId: ZId, trackId: ZId });

export async function deleteTrackAction(formData: FormData): Promise<void> {
  const request = ZTrackRequest.safeParse(Object.fromEntries(formData));
  const actor = await getCurrentUser();
  if (!request.success || !actor) return;
  await deleteTrack(getDb(), actor, request.data.teamId, request.data.trackId);
  revalidatePath(`/teams/${request.data.teamId}`);
}
