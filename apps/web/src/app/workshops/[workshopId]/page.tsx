// "/workshops/<id>": for its instructor (and administrators) the join code with Rotate and
// Close, the live console (progress matrix with machine thumbnails, run for everyone and
// drills, their verdicts and diagnoses), reports and the roster; for a member, the topics,
// the lab machine they attached, and their own drills. Anyone else, like an unknown id,
// gets a 404.
import { ForbiddenError, getWorkshopRoster, listLabMachines, listLearnerDrills, listWorkshops, type TRosterEntry } from "@perflab/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { attachMachineAction, closeWorkshopAction, rotateCodeAction } from "../actions";
import { TopicLinks } from "@/components/topic-links";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { InstructorConsole } from "./instructor-console";
import { LearnerDrills } from "./learner-drills";
import type { TRunnableScenario } from "./run-panel";

export const dynamic = "force-dynamic";
export const metadata = { title: "Workshop" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WorkshopPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const viewer = await requireUser(`/workshops/${workshopId}`);
  const db = getDb();
  const workshop = (await listWorkshops(db, viewer)).find((candidate) => candidate.id === workshopId);
  if (!workshop) notFound();
  const isManager = workshop.joinCode !== null;
  let roster: TRosterEntry[] = [];
  if (isManager) {
    try {
      roster = await getWorkshopRoster(db, viewer, workshopId);
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
    }
  }
  const machines = workshop.membership ? (await listLabMachines(db, viewer)).filter((machine) => !machine.revokedAt && machine.owner.id === viewer.id) : [];
  const drills = workshop.membership ? await listLearnerDrills(db, viewer, workshopId) : [];
  const scenarios: TRunnableScenario[] = isManager
    ? getCurriculum().curriculum.scenarios.map((manifest) => ({
        id: manifest.id, title: manifest.title, durationDefault: manifest.duration.default, durationMax: manifest.duration.max,
        variants: (manifest.variants ?? []).map((variant) => ({ name: variant.name, title: variant.title })),
      }))
    : [];
  return (
    <>
      <PageHeader title={workshop.title}>
        {dateFormat.format(workshop.startsAt)} – {dateFormat.format(workshop.endsAt)} UTC, run by {workshop.instructor.name}. Topics, in order:{" "}
        <TopicLinks topicIds={workshop.topicIds} />
        .{workshop.closedAt ? " This workshop is closed." : ""}
      </PageHeader>
      {isManager ? (
        <div className="space-y-8">
          <section className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div>
              <p className="text-sm text-slate-600">Join code</p>
              <p className="font-mono text-2xl font-semibold tracking-widest" data-testid="join-code">
                {workshop.closedAt ? "—" : workshop.joinCode}
              </p>
            </div>
            {workshop.closedAt ? null : (
              <div className="flex gap-2">
                <form action={rotateCodeAction}>
                  <input type="hidden" name="workshopId" value={workshop.id} />
                  <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
                    New code
                  </button>
                </form>
                <form action={closeWorkshopAction}>
                  <input type="hidden" name="workshopId" value={workshop.id} />
                  <button type="submit" className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50">
                    Close workshop
                  </button>
                </form>
              </div>
            )}
          </section>
          <p className="text-sm">
            Report:{" "}
            <a href={`/api/workshops/${workshop.id}/report?format=csv`} className="text-emerald-700 hover:underline" data-testid="report-csv">
              CSV
            </a>{" "}
            ·{" "}
            <a href={`/api/workshops/${workshop.id}/report?format=json`} className="text-emerald-700 hover:underline">
              JSON
            </a>{" "}
            ·{" "}
            <Link href={`/workshops/${workshop.id}/summary`} className="text-emerald-700 hover:underline" data-testid="summary-link">
              printable summary
            </Link>
          </p>
          <InstructorConsole workshopId={workshop.id} scenarios={scenarios} isClosed={workshop.closedAt !== null} />
          <section aria-labelledby="roster">
            <h2 id="roster" className="mb-3 text-lg font-semibold">
              Roster ({roster.length})
            </h2>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="roster">
              {roster.map((entry) => (
                <li key={entry.userId} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                  <span>
                    {entry.name} <span className="text-slate-500">({entry.email})</span>
                  </span>
                  {entry.machine ? (
                    <Link href={`/labs/${entry.machine.id}`} className="text-emerald-700 hover:underline">
                      {entry.machine.name}: live lab
                    </Link>
                  ) : (
                    <span className="text-slate-500">no lab machine attached</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
      {workshop.membership ? (
        <>
          <section aria-labelledby="your-drills" className="mt-8 max-w-3xl">
            <h2 id="your-drills" className="mb-3 text-lg font-semibold">
              Runs and drills
            </h2>
            <LearnerDrills
              workshopId={workshop.id}
              machineId={workshop.membership.agentId}
              drills={drills.map((drill) => ({ id: drill.id, startsAtMs: drill.startsAt.getTime(), revealed: drill.revealed, answer: drill.answer, diagnosis: drill.diagnosis }))}
            />
            {drills.length === 0 ? <p className="text-sm text-slate-600">No drills yet. When your instructor starts one, it appears here.</p> : null}
          </section>
          <section aria-labelledby="your-machine" className="mt-8 max-w-xl">
            <h2 id="your-machine" className="mb-3 text-lg font-semibold">
              Your lab machine
            </h2>
            {/* Keyed by the attached machine: after Save a fresh form shows what was stored, whichever comes
                first of React's reset of the submitted form and the refreshed page. */}
            <form key={workshop.membership.agentId ?? "none"} action={attachMachineAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <input type="hidden" name="workshopId" value={workshop.id} />
              <label className="flex flex-col gap-1 text-sm">
                <span className="text-slate-700">Attach one of your machines; your instructor sees its live lab</span>
                <select name="agentId" defaultValue={workshop.membership.agentId ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5" data-testid="attach-machine">
                  <option value="">none</option>
                  {machines.map((machine) => (
                    <option key={machine.id} value={machine.id}>
                      {machine.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
                Save
              </button>
              {machines.length === 0 ? (
                <p className="w-full text-sm text-slate-600">
                  No lab machine yet: <Link href="/labs" className="text-emerald-700 hover:underline">enrol one</Link>.
                </p>
              ) : null}
            </form>
          </section>
        </>
      ) : null}
    </>
  );
}
