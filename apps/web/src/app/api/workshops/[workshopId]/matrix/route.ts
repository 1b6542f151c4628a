// GET /api/workshops/:id/matrix – the instructor view's learners × topics matrix, each
// attached machine with whether its agent is connected to this server now (the data layer
// lets only the workshop's instructor and administrators read it; 404 otherwise).
import { getWorkshopMatrix } from "@perflab/db";
import { getDb } from "@/server/db";
import { readForViewer } from "@/server/http/api";
import { realtimeControl } from "../../../../../../server/socket/realtime-control";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return readForViewer(async (user) => {
    const matrix = await getWorkshopMatrix(getDb(), user, decodeURIComponent(workshopId));
    const control = realtimeControl();
    const rows = matrix.rows.map((row) => ({ ...row, machine: row.machine ? { ...row.machine, isOnline: control?.isMachineOnline(row.machine.id) ?? false } : null }));
    return { ...matrix, rows };
  }, "No such workshop");
}
