// GET /api/health – 200 when the web server and its database answer, 503 otherwise.
import { checkDatabase } from "@perflab/db";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase(getDb());
  const body = { status: database.isReachable ? "ok" : "degraded", database, uptimeS: Math.round(process.uptime()) };
  return Response.json(body, { status: database.isReachable ? 200 : 503, headers: { "cache-control": "no-store" } });
}
