// "/progress" – what the signed-in learner has read, practised and passed.
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Progress" };

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  return (
    <>
      <PageHeader title="Progress">Topics completed, quiz scores and lab runs for {user.name}.</PageHeader>
      <EmptyState title="Nothing recorded yet">Progress appears once you open a topic of the curriculum.</EmptyState>
    </>
  );
}
