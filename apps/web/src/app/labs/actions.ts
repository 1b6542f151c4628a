"use server";
// Server actions of the labs page: enrol a machine (its token comes back once, inside the
// install commands), rotate its token, revoke it. The data layer checks who may do what;
// rotating or revoking also drops the agent's live connection at once.
import { createAgent, ForbiddenError, revokeLabMachine, rotateAgentToken } from "@perflab/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getServerEnv } from "@/env";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { realtimeControl } from "../../../server/socket/realtime-control";
import { installCommands, type TInstallCommands } from "./install-commands";

export interface TEnrollFormState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: { name: string };
  /** Only in the answer to the submit that enrolled the machine (or rotated its token). */
  enrolled: { machineId: string; name: string; commands: TInstallCommands } | null;
}

const SESSION_ENDED = "Your session has ended. Sign in again.";

export async function enrollMachine(_previous: TEnrollFormState, formData: FormData): Promise<TEnrollFormState> {
  const name = typeof formData.get("name") === "string" ? (formData.get("name") as string) : "";
  const rejected = { fieldErrors: {}, enrolled: null, values: { name } };
  const actor = await getCurrentUser();
  if (!actor) return { ...rejected, formError: SESSION_ENDED };
  try {
    const result = await createAgent(getDb(), actor, { name });
    if ("error" in result) return { ...rejected, fieldErrors: result.fieldErrors, formError: null };
    revalidatePath("/labs");
    const { agentId, token } = result.data;
    return { fieldErrors: {}, formError: null, values: { name: "" }, enrolled: { machineId: agentId, name: result.data.name, commands: installCommands(getServerEnv().PERFLAB_PUBLIC_URL, token) } };
  } catch (error) {
    console.error("labs: enrolling failed", error);
    return { ...rejected, formError: "Something went wrong. Try again in a moment." };
  }
}

const ZMachineRequest = z.object({ machineId: z.string().min(1).max(64) });

export type TRotateState = { commands: TInstallCommands } | { error: string } | null;

/** A new token for the machine, shown once; the agent using the old one is disconnected now. */
export async function rotateMachineToken(_previous: TRotateState, formData: FormData): Promise<TRotateState> {
  const request = ZMachineRequest.safeParse({ machineId: formData.get("machineId") });
  const actor = await getCurrentUser();
  if (!actor) return { error: SESSION_ENDED };
  if (!request.success) return { error: "No such lab machine." };
  try {
    const result = await rotateAgentToken(getDb(), actor, request.data.machineId);
    if ("error" in result) return { error: result.error === "revoked" ? "This machine is revoked; enrol a new one." : "No such lab machine." };
    realtimeControl()?.disconnectMachine(request.data.machineId, "rotated");
    revalidatePath("/labs");
    return { commands: installCommands(getServerEnv().PERFLAB_PUBLIC_URL, result.token) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { error: "This lab machine is not yours." };
    console.error("labs: rotating failed", error);
    return { error: "Something went wrong. Try again in a moment." };
  }
}

/** Revokes the machine for good: its agent is disconnected now and refused from then on. */
export async function revokeMachine(formData: FormData): Promise<void> {
  const request = ZMachineRequest.safeParse({ machineId: formData.get("machineId") });
  const actor = await getCurrentUser();
  if (!request.success || !actor) return;
  try {
    await revokeLabMachine(getDb(), actor, request.data.machineId);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) console.error("labs: revoking failed", error);
    return;
  }
  realtimeControl()?.disconnectMachine(request.data.machineId, "revoked");
  revalidatePath("/labs");
}
