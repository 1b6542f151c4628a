// "/teams" – the teams an administrator manages (all of them, and a form to create one) or
// an instructor leads. Anyone else has no teams page: 404, as the header shows no link.
import { canSeeTeams, listTeams } from "@perflab/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { CreateTeamForm } from "./team-forms";

export const metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const viewer = await requireUser("/teams");
  const db = getDb();
  if (!(await canSeeTeams(db, viewer))) notFound();
  const teams = await listTeams(db, viewer);
  const isAdmin = viewer.role === "ADMIN";
  return (
    <>
      <PageHeader title="Teams">
        {isAdmin ? "Teams, their members and leads. Leads assign tracks of topics with due dates and follow each member's progress." : "The teams you lead: assign tracks and follow your members' progress."}
      </PageHeader>
      <div className="space-y-10">
        <section aria-labelledby="team-list">
          <h2 id="team-list" className="mb-3 text-lg font-semibold">
            {isAdmin ? "All teams" : "Teams you lead"}
          </h2>
          {teams.length === 0 ? (
            <EmptyState title="No teams yet">Create a team below, add its members, and choose an instructor to lead it.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {teams.map((team) => (
                <li key={team.id} className="p-4" data-testid="team">
                  <Link href={`/teams/${team.id}`} className="font-medium hover:underline">
                    {team.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {team.memberCount} {team.memberCount === 1 ? "person" : "people"} · {team.trackCount} {team.trackCount === 1 ? "track" : "tracks"} · {team.leadNames.length > 0 ? `led by ${team.leadNames.join(", ")}` : "no lead yet"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        {isAdmin ? (
          <section aria-labelledby="create-team" className="max-w-xl">
            <h2 id="create-team" className="mb-3 text-lg font-semibold">
              Create a team
            </h2>
            <CreateTeamForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
