// "/teams/<id>" – a team's dashboard for its leads and administrators: overdue assignments,
// completion per member and per section, activity over 30 days; then its tracks (leads
// assign and edit them) and its people (administrators manage them). Anyone else, like an
// unknown id, gets a 404: the data layer refuses them and the page says nothing more.
import { ForbiddenError, getTeamDashboard, listTeamMembers, listTracks } from "@perflab/db";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { MemberCompletionChart } from "./charts/member-completion-chart";
import { TeamActivityChart } from "./charts/team-activity-chart";
import { TeamSectionChart } from "./charts/team-section-chart";
import { TeamPeople } from "./team-people";
import { MemberCompletionTable, OverdueTable } from "./team-tables";
import { TeamTracks } from "./team-tracks";

export const dynamic = "force-dynamic";
export const metadata = { title: "Team" };

async function readTeam(teamId: string, viewer: Awaited<ReturnType<typeof requireUser>>) {
  const db = getDb();
  try {
    const [dashboard, people, tracks] = await Promise.all([getTeamDashboard(db, viewer, teamId), listTeamMembers(db, viewer, teamId), listTracks(db, viewer, teamId)]);
    return { dashboard, people, tracks };
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const viewer = await requireUser(`/teams/${teamId}`);
  const { dashboard, people, tracks } = await readTeam(teamId, viewer);
  const sectionTitles = new Map(getCurriculum().toc.map((section) => [section.section, section.title]));
  const sections = dashboard.sections.map((section) => ({ ...section, title: sectionTitles.get(section.section) ?? `Section ${section.section}` }));
  const leads = people.members.filter((member) => member.isLead).map((member) => member.name);
  const hasNumbers = dashboard.members.length > 0 && dashboard.tracks.length > 0;
  return (
    <>
      <PageHeader title={dashboard.team.name}>
        {dashboard.members.length} {dashboard.members.length === 1 ? "member" : "members"} following {dashboard.tracks.length} {dashboard.tracks.length === 1 ? "track" : "tracks"}
        {leads.length > 0 ? `, led by ${leads.join(", ")}` : ", no lead yet"}.
      </PageHeader>
      <div className="space-y-10">
        {hasNumbers ? (
          <>
            <section aria-labelledby="overdue-heading">
              <h2 id="overdue-heading" className="mb-3 text-lg font-semibold">
                Overdue assignments ({dashboard.overdue.length})
              </h2>
              <OverdueTable overdue={dashboard.overdue} />
            </section>
            <section aria-labelledby="completion-heading" className="space-y-6">
              <h2 id="completion-heading" className="text-lg font-semibold">
                Completion
              </h2>
              <MemberCompletionTable tracks={dashboard.tracks} members={dashboard.members} />
              <div className="grid gap-6 lg:grid-cols-2">
                <MemberCompletionChart tracks={dashboard.tracks} members={dashboard.members} />
                <TeamSectionChart sections={sections} />
              </div>
            </section>
          </>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            The dashboard fills in once the team has members (not leads) and at least one track.
          </p>
        )}
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="sr-only">
            Activity
          </h2>
          <TeamActivityChart activity={dashboard.activity} memberCount={dashboard.members.length} />
        </section>
        <section aria-labelledby="tracks-heading">
          <h2 id="tracks-heading" className="mb-3 text-lg font-semibold">
            Tracks
          </h2>
          <TeamTracks teamId={dashboard.team.id} tracks={tracks} />
        </section>
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="mb-3 text-lg font-semibold">
            People ({people.members.length})
          </h2>
          <TeamPeople teamId={dashboard.team.id} members={people.members} canManage={viewer.role === "ADMIN"} />
        </section>
      </div>
    </>
  );
}
