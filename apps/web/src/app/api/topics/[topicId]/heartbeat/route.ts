// POST /api/topics/:topicId/heartbeat – a visible, recently used topic page reporting its
// active seconds (see packages/db/src/progress/record-heartbeat.ts for how credit is bounded).
import { recordHeartbeat, ZHeartbeat } from "@perflab/db";
import { getDb } from "@/server/db";
import { apiError, authorizeWrite, jsonResponse, readJsonBody } from "@/server/http/api";
import { announceProgress } from "@/server/realtime/announce-progress";

export async function POST(request: Request, { params }: { params: Promise<{ topicId: string }> }) {
  const authorized = await authorizeWrite(request);
  if ("response" in authorized) return authorized.response;
  const read = await readJsonBody(request);
  if ("response" in read) return read.response;
  const heartbeat = ZHeartbeat.safeParse(read.body);
  if (!heartbeat.success) {
    const issue = heartbeat.error.issues[0]!;
    return apiError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const { topicId } = await params;
  const result = await recordHeartbeat(getDb(), authorized.user, decodeURIComponent(topicId), heartbeat.data);
  if ("error" in result) return apiError(404, "No such topic");
  announceProgress(authorized.user.id);
  return jsonResponse(200, result);
}
