// GET /api/workshops/:id/runs – the workshop's runs for everyone and drills, each learner's
// run status, verdict and diagnosis (the workshop's instructor and administrators only;
// 404 otherwise).
import { ForbiddenError, listWorkshopRuns } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ workshopId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401, headers: NO_STORE });
  const { workshopId } = await params;
  try {
    return Response.json({ data: await listWorkshopRuns(getDb(), user, decodeURIComponent(workshopId)) }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ error: "No such workshop" }, { status: 404, headers: NO_STORE });
    throw error;
  }
}
