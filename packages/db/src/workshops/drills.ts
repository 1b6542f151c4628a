// Drills: a hidden fault on learners' machines. Each learner sends one diagnosis (the
// subsystem and mechanism from the list, and the evidence they relied on); it is graded
// against the answer key when it arrives and timed from the end of the countdown. A learner
// sees only their own answer, and the scenario, their grade and the debrief only once the
// instructor reveals the drill.
import { DRILL_MECHANISMS, DRILL_SUBSYSTEMS, expectedDrillMechanism, gradeDrillDiagnosis } from "@perflab/protocol";
import { z } from "zod";
import type { Db } from "../client";
import { Prisma } from "../generated/prisma/client";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { toFieldErrors } from "../users/user-input";
import { workshopOfInstructor } from "./workshops";

export const ZDrillDiagnosis = z
  .object({
    subsystem: z.enum(DRILL_SUBSYSTEMS.map((subsystem) => subsystem.id) as [string, ...string[]], { error: "Choose the subsystem" }),
    mechanism: z.enum(DRILL_MECHANISMS.map((mechanism) => mechanism.id) as [string, ...string[]], { error: "Choose the mechanism" }),
    evidence: z.string().trim().min(10, "Say what you saw that points there (at least 10 characters)").max(2000, "At most 2000 characters"),
  })
  .refine((answer) => DRILL_MECHANISMS.find((mechanism) => mechanism.id === answer.mechanism)?.subsystem === answer.subsystem, {
    message: "This mechanism belongs to another subsystem",
    path: ["mechanism"],
  });

export type TSubmitDiagnosisResult =
  | { data: { submittedAt: Date; secondsToDiagnosis: number } }
  | { error: "invalid-input"; fieldErrors: Record<string, string> }
  | { error: "not-started" | "revealed" | "already-submitted"; message: string };

async function drillOfLearner(db: Db, actor: TUserSummary, drillId: string) {
  const drill = await db.workshopRun.findUnique({
    where: { id: drillId },
    select: { id: true, workshopId: true, isDrill: true, scenarioId: true, variant: true, startsAt: true, revealedAt: true, learnerIds: true, workshop: { select: { closedAt: true } } },
  });
  if (!drill || !drill.isDrill || !drill.learnerIds.includes(actor.id)) throw new ForbiddenError("This drill is not yours");
  return drill;
}

export async function submitDrillDiagnosis(db: Db, actor: TUserSummary, drillId: string, input: unknown, now = new Date()): Promise<TSubmitDiagnosisResult> {
  const drill = await drillOfLearner(db, actor, drillId);
  const parsed = ZDrillDiagnosis.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  if (drill.revealedAt) return { error: "revealed", message: "The instructor already revealed this drill's answer" };
  if (now < drill.startsAt) return { error: "not-started", message: "The drill has not started yet" };
  const expected = expectedDrillMechanism(drill.scenarioId, drill.variant);
  // A scenario missing from the key is caught by content:check; graded wrong rather than crash.
  const grade = expected ? gradeDrillDiagnosis(expected, parsed.data) : { isCorrect: false, isSubsystemCorrect: false };
  const secondsToDiagnosis = Math.max(0, Math.round((now.getTime() - drill.startsAt.getTime()) / 1000));
  try {
    await db.drillDiagnosis.create({ data: { workshopRunId: drillId, userId: actor.id, ...parsed.data, ...grade, submittedAt: now, secondsToDiagnosis } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { error: "already-submitted", message: "You already sent your diagnosis for this drill" };
    throw error;
  }
  return { data: { submittedAt: now, secondsToDiagnosis } };
}

export const ZDrillReveal = z.object({ debrief: z.string().trim().max(5000, "At most 5000 characters") });

/** The instructor reveals the answer with a debrief; diagnoses close. */
export async function revealDrill(db: Db, actor: TUserSummary, drillId: string, input: unknown, now = new Date()): Promise<{ data: { workshopId: string } } | { error: "invalid-input"; fieldErrors: Record<string, string> }> {
  const drill = await db.workshopRun.findUnique({ where: { id: drillId }, select: { workshopId: true, isDrill: true } });
  if (!drill || !drill.isDrill) throw new ForbiddenError("No such drill");
  await workshopOfInstructor(db, actor, drill.workshopId);
  const parsed = ZDrillReveal.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  await db.workshopRun.updateMany({ where: { id: drillId, revealedAt: null }, data: { revealedAt: now, debrief: parsed.data.debrief || null } });
  return { data: { workshopId: drill.workshopId } };
}

export interface TLearnerDrill {
  id: string;
  startsAt: Date;
  durationSeconds: number;
  revealed: boolean;
  /** Only once revealed. */
  answer: { scenarioId: string; variant: string | null; subsystem: string; mechanism: string; debrief: string | null } | null;
  /** The learner's own diagnosis; its grade only once revealed. */
  diagnosis: { subsystem: string; mechanism: string; evidence: string; submittedAt: Date; secondsToDiagnosis: number; isCorrect: boolean | null; isSubsystemCorrect: boolean | null } | null;
}

/** The drills of a workshop the actor was drilled in, newest first: their own diagnosis only. */
export async function listLearnerDrills(db: Db, actor: TUserSummary, workshopId: string): Promise<TLearnerDrill[]> {
  const drills = await db.workshopRun.findMany({
    where: { workshopId, isDrill: true, learnerIds: { has: actor.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true, scenarioId: true, variant: true, startsAt: true, durationSeconds: true, revealedAt: true, debrief: true,
      diagnoses: { where: { userId: actor.id }, select: { subsystem: true, mechanism: true, evidence: true, submittedAt: true, secondsToDiagnosis: true, isCorrect: true, isSubsystemCorrect: true } },
    },
  });
  return drills.map((drill) => {
    const revealed = drill.revealedAt !== null;
    const expected = expectedDrillMechanism(drill.scenarioId, drill.variant);
    const own = drill.diagnoses[0];
    return {
      id: drill.id,
      startsAt: drill.startsAt,
      durationSeconds: drill.durationSeconds,
      revealed,
      answer: revealed ? { scenarioId: drill.scenarioId, variant: drill.variant, subsystem: expected?.subsystem ?? "", mechanism: expected?.id ?? "", debrief: drill.debrief } : null,
      diagnosis: own ? { ...own, isCorrect: revealed ? own.isCorrect : null, isSubsystemCorrect: revealed ? own.isSubsystemCorrect : null } : null,
    };
  });
}

/** Runs hidden from a viewer: parts of drills not yet revealed, unless the viewer started them or administers. */
export function isHiddenDrillRun(viewer: TUserSummary, run: { startedById: string; workshopRun: { isDrill: boolean; revealedAt: Date | null } | null }): boolean {
  return run.workshopRun !== null && run.workshopRun.isDrill && run.workshopRun.revealedAt === null && run.startedById !== viewer.id && viewer.role !== "ADMIN";
}
