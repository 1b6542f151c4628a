// GET /api/workshops/:id/report?format=csv|json – the workshop's report as a download (the
// data layer lets only its instructor and administrators build it; 404 otherwise).
import { buildWorkshopReport, ForbiddenError, workshopReportCsv } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ workshopId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return Response.json({ error: "format must be csv or json" }, { status: 400 });
  const { workshopId } = await params;
  let report;
  try {
    report = await buildWorkshopReport(getDb(), user, decodeURIComponent(workshopId));
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ error: "No such workshop" }, { status: 404 });
    throw error;
  }
  const name = `workshop-${report.workshop.id}.${format}`;
  const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" };
  if (format === "json") return new Response(JSON.stringify(report, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
  return new Response(workshopReportCsv(report), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
