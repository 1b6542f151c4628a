// What every JSON route handler shares: errors as { error } with the right status, a
// bounded JSON body reader, and a same-origin check for state-changing requests (session
// cookies are SameSite=Lax already; this refuses cross-site posts outright).
import { ForbiddenError, type TUserSummary } from "@perflab/db";
import { getCurrentUser } from "../auth/current-user";

const NO_STORE = { "cache-control": "no-store" };
export const MAX_JSON_BODY_BYTES = 16 * 1024;

export function jsonResponse(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse(status, { error, ...extra });
}

/** A browser's Origin must name this host; requests without one (curl, tests) pass. */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

/** The signed-in user for a state-changing request, or the response that refuses it. */
export async function authorizeWrite(request: Request): Promise<{ user: TUserSummary } | { response: Response }> {
  if (isCrossSite(request)) return { response: apiError(403, "Cross-site request refused") };
  const user = await getCurrentUser();
  if (!user) return { response: apiError(401, "Sign in first") };
  return { user };
}

/** Parses a JSON body of at most MAX_JSON_BODY_BYTES (any content type: sendBeacon sends text/plain). */
export async function readJsonBody(request: Request): Promise<{ body: unknown } | { response: Response }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) return { response: apiError(413, `Body larger than ${MAX_JSON_BODY_BYTES} bytes`) };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { response: apiError(400, "Body is not valid JSON") };
  }
}

/**
 * A GET that reads something for the signed-in user through the data layer, as { data }:
 * 401 without a session, 404 when the data layer refuses (unknown and forbidden look the same).
 */
export async function readForViewer(read: (user: TUserSummary) => Promise<unknown>, notFound: string): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return apiError(401, "Sign in first");
  try {
    return jsonResponse(200, { data: await read(user) });
  } catch (error) {
    if (error instanceof ForbiddenError) return apiError(404, notFound);
    throw error;
  }
}
