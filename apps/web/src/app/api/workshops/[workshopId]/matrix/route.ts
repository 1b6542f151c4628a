// GET /api/workshops/:id/matrix – the instructor view's learners × topics matrix, each
// attached machine with whether its agent is connected to this server now (the data layer
// lets only the workshop's instructor and administrators read it; 404 otherwise).
import { ForbiddenError, getWorkshopMatrix } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { realtimeControl } from "../../../../../../server/socket/realtime-control";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ workshopId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401, headers: NO_STORE });
  const { workshopId } = await params;
  try {
    const matrix = await getWorkshopMatrix(getDb(), user, decodeURIComponent(workshopId));
    const control = realtimeControl();
    const rows = matrix.rows.map((row) => ({ ...row, machine: row.machine ? { ...row.machine, isOnline: control?.isMachineOnline(row.machine.id) ?? false } : null }));
    return Response.json({ data: { ...matrix, rows } }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ error: "No such workshop" }, { status: 404, headers: NO_STORE });
    throw error;
  }
}
