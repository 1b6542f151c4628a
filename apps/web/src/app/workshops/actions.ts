"use server";
// Server actions of the workshop pages. The data layer checks who may do what and
// validates; these turn its answers into what the forms show.
import { attachMachine, closeWorkshop, createWorkshop, ForbiddenError, joinWorkshop, rotateJoinCode } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { realtimeControl } from "../../../server/socket/realtime-control";

const SESSION_ENDED = "Your session has ended. Sign in again.";
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export interface TCreateWorkshopState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: { title: string; startsAt: string; endsAt: string; topicIds: string };
}

/** datetime-local gives no zone ("2026-11-26T09:00", seconds optional); the form says UTC and so does this. */
const asUtc = (value: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value) ? `${value}${value.length === 16 ? ":00" : ""}Z` : value);

export async function submitCreateWorkshop(_previous: TCreateWorkshopState, formData: FormData): Promise<TCreateWorkshopState> {
  const values = { title: text(formData, "title"), startsAt: text(formData, "startsAt"), endsAt: text(formData, "endsAt"), topicIds: text(formData, "topicIds") };
  const actor = await getCurrentUser();
  if (!actor) return { fieldErrors: {}, formError: SESSION_ENDED, values };
  let created: { id: string } | null = null;
  try {
    const topicIds = values.topicIds.split(/[\s,]+/).filter(Boolean);
    const result = await createWorkshop(getDb(), actor, { title: values.title, startsAt: asUtc(values.startsAt) || undefined, endsAt: asUtc(values.endsAt) || undefined, topicIds });
    if ("error" in result) return { fieldErrors: result.fieldErrors, formError: null, values };
    created = result.data;
  } catch (error) {
    if (error instanceof ForbiddenError) return { fieldErrors: {}, formError: error.message, values };
    throw error;
  }
  redirect(`/workshops/${created.id}`);
}

export interface TJoinWorkshopState {
  formError: string | null;
  code: string;
}

export async function submitJoinWorkshop(_previous: TJoinWorkshopState, formData: FormData): Promise<TJoinWorkshopState> {
  const code = text(formData, "code");
  const actor = await getCurrentUser();
  if (!actor) return { formError: SESSION_ENDED, code };
  const result = await joinWorkshop(getDb(), actor, code);
  if ("error" in result) return { formError: result.message, code };
  redirect(`/workshops/${result.data.workshopId}`);
}

async function managed(formData: FormData, action: (workshopId: string) => Promise<unknown>): Promise<void> {
  const workshopId = text(formData, "workshopId");
  await action(workshopId);
  revalidatePath(`/workshops/${workshopId}`);
}

export async function rotateCodeAction(formData: FormData): Promise<void> {
  const actor = await getCurrentUser();
  if (actor) await managed(formData, (workshopId) => rotateJoinCode(getDb(), actor, workshopId));
}

export async function closeWorkshopAction(formData: FormData): Promise<void> {
  const actor = await getCurrentUser();
  if (actor) await managed(formData, (workshopId) => closeWorkshop(getDb(), actor, workshopId));
}

export async function attachMachineAction(formData: FormData): Promise<void> {
  const actor = await getCurrentUser();
  const agentId = text(formData, "agentId");
  if (!actor) return;
  await managed(formData, (workshopId) => attachMachine(getDb(), actor, workshopId, agentId || null));
  realtimeControl()?.notifyMachineAttached(actor.id); // the instructor's view follows the new machine
}
