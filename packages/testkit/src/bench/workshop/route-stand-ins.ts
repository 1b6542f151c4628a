// The two web routes of a workshop's live loop, for the benchmark's server process, which
// has no Next.js: POST /api/topics/:topicId/heartbeat (a learner's progress write, then the
// announcement to the instructor views) and GET /api/workshops/:id/matrix (the instructor
// view's refetch). They call what the real route handlers call
// (apps/web/src/app/api/topics/[topicId]/heartbeat/route.ts and
// apps/web/src/app/api/workshops/[workshopId]/matrix/route.ts): the session cookie's user
// re-read (getActiveUser, as getCurrentUser does), recordHeartbeat then
// notifyLearnerProgress, getWorkshopMatrix. What is left out is Next's own request handling.
import { ForbiddenError, getWorkshopMatrix, recordHeartbeat, ZHeartbeat, type Db } from "@perflab/db";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TAuthenticateLiveUser } from "../../../../../apps/web/server/socket/live-auth";

const HEARTBEAT_PATH = /^\/api\/topics\/([^/]+)\/heartbeat$/;
const MATRIX_PATH = /^\/api\/workshops\/([^/]+)\/matrix$/;
const MAX_BODY_BYTES = 16 * 1024;

export interface TRouteStandInDeps {
  db: Db;
  authenticate: TAuthenticateLiveUser;
  notifyLearnerProgress: (userId: string) => void;
  log: (message: string) => void;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES) throw new Error("body too large");
  }
  return text;
}

async function route(deps: TRouteStandInDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? "/", "http://bench.invalid").pathname;
  const heartbeatTopic = request.method === "POST" ? HEARTBEAT_PATH.exec(path)?.[1] : undefined;
  const matrixWorkshop = request.method === "GET" ? MATRIX_PATH.exec(path)?.[1] : undefined;
  if (!heartbeatTopic && !matrixWorkshop) return answer(response, 404, { error: "Not found" });
  const user = await deps.authenticate(request.headers.cookie);
  if (!user) return answer(response, 401, { error: "Sign in first" });

  if (heartbeatTopic) {
    const heartbeat = ZHeartbeat.safeParse(JSON.parse(await readBody(request)));
    if (!heartbeat.success) return answer(response, 400, { error: heartbeat.error.issues[0]?.message });
    const result = await recordHeartbeat(deps.db, user, decodeURIComponent(heartbeatTopic), heartbeat.data);
    if ("error" in result) return answer(response, 404, { error: "No such topic" });
    deps.notifyLearnerProgress(user.id);
    return answer(response, 200, result);
  }
  try {
    answer(response, 200, { data: await getWorkshopMatrix(deps.db, user, decodeURIComponent(matrixWorkshop!)) });
  } catch (error) {
    if (error instanceof ForbiddenError) return answer(response, 404, { error: "No such workshop" });
    throw error;
  }
}

/** A request listener for the HTTP server Socket.IO is attached to (it passes on what is not /socket.io/). */
export function createRouteStandIns(deps: TRouteStandInDeps): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    route(deps, request, response).catch((error: Error) => {
      deps.log(`${request.method} ${request.url}: ${error.message}`);
      if (!response.headersSent) answer(response, 500, { error: "Internal error" });
    });
  };
}
