// POST /api/topics/:topicId/exercises/:exerciseId/attempts – the learner's report on an
// exercise: done or failed with what they observed, or skipped. Field errors come back
// as { error, fieldErrors } with 400.
import { recordExerciseAttempt } from "@perflab/db";
import { getDb } from "@/server/db";
import { apiError, authorizeWrite, jsonResponse, readJsonBody } from "@/server/http/api";
import { announceProgress } from "@/server/realtime/announce-progress";

export async function POST(request: Request, { params }: { params: Promise<{ topicId: string; exerciseId: string }> }) {
  const authorized = await authorizeWrite(request);
  if ("response" in authorized) return authorized.response;
  const read = await readJsonBody(request);
  if ("response" in read) return read.response;
  const { topicId, exerciseId } = await params;
  const result = await recordExerciseAttempt(getDb(), authorized.user, decodeURIComponent(topicId), decodeURIComponent(exerciseId), read.body);
  if ("data" in result) {
    announceProgress(authorized.user.id);
    return jsonResponse(201, result);
  }
  if (result.error === "invalid-input") return apiError(400, "Check the highlighted fields", { fieldErrors: result.fieldErrors });
  return apiError(404, "No such exercise");
}
