// GET /api/workshops/:id/runs – the workshop's runs for everyone and drills, each learner's
// run status, verdict and diagnosis (the workshop's instructor and administrators only;
// 404 otherwise).
import { listWorkshopRuns } from "@perflab/db";
import { getDb } from "@/server/db";
import { readForViewer } from "@/server/http/api";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return readForViewer((user) => listWorkshopRuns(getDb(), user, decodeURIComponent(workshopId)), "No such workshop");
}
