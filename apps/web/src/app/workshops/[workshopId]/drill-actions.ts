"use server";
// Server actions of drills: a learner's diagnosis, the instructor's reveal. The data layer
// checks who may do what, validates and grades; these keep what was typed when it refuses
// and tell the workshop's live views.
import { ForbiddenError, revealDrill, submitDrillDiagnosis } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { announceProgress } from "@/server/realtime/announce-progress";
import { realtimeControl } from "../../../../server/socket/realtime-control";

const SESSION_ENDED = "Your session has ended. Sign in again.";
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export interface TDiagnosisState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: { subsystem: string; mechanism: string; evidence: string };
  isSubmitted: boolean;
}

export async function submitDiagnosisAction(_previous: TDiagnosisState, formData: FormData): Promise<TDiagnosisState> {
  const values = { subsystem: text(formData, "subsystem"), mechanism: text(formData, "mechanism"), evidence: text(formData, "evidence") };
  const refused = (formError: string | null, fieldErrors: Record<string, string> = {}): TDiagnosisState => ({ fieldErrors, formError, values, isSubmitted: false });
  const actor = await getCurrentUser();
  if (!actor) return refused(SESSION_ENDED);
  try {
    const result = await submitDrillDiagnosis(getDb(), actor, text(formData, "drillId"), values);
    if ("error" in result) return result.error === "invalid-input" ? refused(null, result.fieldErrors) : refused(result.message);
  } catch (error) {
    if (error instanceof ForbiddenError) return refused(error.message);
    throw error;
  }
  announceProgress(actor.id); // the instructor's view shows the diagnosis
  revalidatePath(`/workshops/${text(formData, "workshopId")}`);
  return { fieldErrors: {}, formError: null, values, isSubmitted: true };
}

export interface TRevealState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  debrief: string;
  isRevealed: boolean;
}

export async function revealDrillAction(_previous: TRevealState, formData: FormData): Promise<TRevealState> {
  const debrief = text(formData, "debrief");
  const actor = await getCurrentUser();
  if (!actor) return { fieldErrors: {}, formError: SESSION_ENDED, debrief, isRevealed: false };
  const drillId = text(formData, "drillId");
  try {
    const result = await revealDrill(getDb(), actor, drillId, { debrief });
    if ("error" in result) return { fieldErrors: result.fieldErrors, formError: null, debrief, isRevealed: false };
    realtimeControl()?.announceWorkshop({ workshopId: result.data.workshopId, kind: "drill-revealed", workshopRunId: drillId, isDrill: true, startsAtMs: Date.now() });
    revalidatePath(`/workshops/${result.data.workshopId}`);
  } catch (error) {
    if (error instanceof ForbiddenError) return { fieldErrors: {}, formError: error.message, debrief, isRevealed: false };
    throw error;
  }
  return { fieldErrors: {}, formError: null, debrief, isRevealed: true };
}
