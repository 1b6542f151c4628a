// "/workshops" – instructor-led sessions the user runs or has joined.
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Workshops" };

export default async function WorkshopsPage() {
  await requireUser("/workshops");
  return (
    <>
      <PageHeader title="Workshops">Instructor-led sessions: join with a code, attach your lab machine, follow along.</PageHeader>
      <EmptyState title="No workshops">Workshops you join or run are listed here.</EmptyState>
    </>
  );
}
