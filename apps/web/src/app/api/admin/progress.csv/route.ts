// GET /api/admin/progress.csv – everyone's progress as a CSV download; 401 signed out, 403 not an admin.
import { exportAllProgressCsv, ForbiddenError } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET() {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: "Sign in to export progress." }, { status: 401, headers: NO_STORE });
  let csv: string;
  try {
    csv = await exportAllProgressCsv(getDb(), actor);
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ error: "Only administrators can export progress." }, { status: 403, headers: NO_STORE });
    throw error;
  }
  // The date is UTC, as are the timestamps inside the file.
  const filename = `perflab-progress-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}
