// "/workshops" – instructor-led sessions the user runs or has joined; join with a code,
// and (instructors, administrators) create one.
import { listWorkshops } from "@perflab/db";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { CreateWorkshopForm, JoinWorkshopForm } from "./workshop-forms";

export const metadata = { title: "Workshops" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WorkshopsPage() {
  const viewer = await requireUser("/workshops");
  const workshops = await listWorkshops(getDb(), viewer);
  const runsWorkshops = viewer.role === "INSTRUCTOR" || viewer.role === "ADMIN";
  return (
    <>
      <PageHeader title="Workshops">Instructor-led sessions: join with a code, attach your lab machine, follow along.</PageHeader>
      <div className="space-y-10">
        <section aria-labelledby="join-workshop" className="max-w-xl">
          <h2 id="join-workshop" className="mb-3 text-lg font-semibold">
            Join a workshop
          </h2>
          <JoinWorkshopForm />
        </section>
        <section aria-labelledby="workshop-list">
          <h2 id="workshop-list" className="mb-3 text-lg font-semibold">
            {runsWorkshops ? "Workshops you run or joined" : "Your workshops"}
          </h2>
          {workshops.length === 0 ? (
            <EmptyState title="No workshops">Workshops you join or run are listed here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {workshops.map((workshop) => (
                <li key={workshop.id} className="p-4" data-testid="workshop">
                  <Link href={`/workshops/${workshop.id}`} className="font-medium hover:underline">
                    {workshop.title}
                  </Link>{" "}
                  {workshop.closedAt ? <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">closed</span> : null}
                  <p className="text-sm text-slate-600">
                    {dateFormat.format(workshop.startsAt)} – {dateFormat.format(workshop.endsAt)} UTC · {workshop.instructor.name} · {workshop.memberCount} learners · topics {workshop.topicIds.join(", ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        {runsWorkshops ? (
          <section aria-labelledby="create-workshop" className="max-w-2xl">
            <h2 id="create-workshop" className="mb-3 text-lg font-semibold">
              Create a workshop
            </h2>
            <CreateWorkshopForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
