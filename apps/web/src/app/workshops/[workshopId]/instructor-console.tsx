"use client";
// Everything live on the instructor's workshop page, over one /live connection: the
// progress matrix with machine thumbnails, the run-for-everyone and drill panel, and the
// runs with their verdicts and diagnoses.
import { ProgressMatrix } from "./progress-matrix";
import { useMachineThumbnails } from "./machine-thumbnails";
import { RunPanel, type TRunnableScenario } from "./run-panel";
import { useWorkshopMatrix } from "./use-workshop-matrix";
import { useWorkshopSocket } from "./use-workshop-socket";
import { WorkshopRunsList } from "./workshop-runs-list";

export function InstructorConsole({ workshopId, scenarios, isClosed }: { workshopId: string; scenarios: TRunnableScenario[]; isClosed: boolean }) {
  const { socket, isLive, generation } = useWorkshopSocket(workshopId);
  const thumbnails = useMachineThumbnails(socket, workshopId);
  const { matrix, problem } = useWorkshopMatrix(workshopId, socket, generation);
  const learners = (matrix?.rows ?? []).map((row) => ({ userId: row.userId, name: row.name, hasMachine: row.machine !== null }));
  return (
    <>
      <section aria-labelledby="progress">
        <h2 id="progress" className="mb-3 text-lg font-semibold">
          Progress, live
        </h2>
        <ProgressMatrix matrix={matrix} problem={problem} isLive={isLive} thumbnails={thumbnails} />
      </section>
      {isClosed ? null : (
        <section aria-labelledby="run-for-everyone">
          <h2 id="run-for-everyone" className="mb-3 text-lg font-semibold">
            Run for everyone, or a drill
          </h2>
          {matrix ? <RunPanel workshopId={workshopId} socket={socket} scenarios={scenarios} learners={learners} /> : null}
        </section>
      )}
      <section aria-labelledby="runs">
        <h2 id="runs" className="mb-3 text-lg font-semibold">
          Runs and drills
        </h2>
        <WorkshopRunsList workshopId={workshopId} socket={socket} generation={generation} />
      </section>
    </>
  );
}
