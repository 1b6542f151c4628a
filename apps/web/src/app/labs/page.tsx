// "/labs" – the learner's lab machines and their live charts.
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Labs" };

export default async function LabsPage() {
  await requireUser("/labs");
  return (
    <>
      <PageHeader title="Labs">Lab machines run the perflab agent, which streams /proc metrics here and runs scenarios from its own catalogue.</PageHeader>
      <EmptyState title="No lab machines enrolled">Enrolled machines appear here with their live CPU, memory, network and disk charts.</EmptyState>
    </>
  );
}
