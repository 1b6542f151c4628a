// "/labs" – the learner's lab machines and their live charts.
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Labs" };

export default async function LabsPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[] }> }) {
  const { scenario } = await searchParams;
  const scenarioId = typeof scenario === "string" && /^[a-z0-9-]{1,64}$/.test(scenario) ? scenario : null;
  await requireUser(scenarioId ? `/labs?scenario=${scenarioId}` : "/labs");
  return (
    <>
      <PageHeader title="Labs">Lab machines run the perflab agent, which streams /proc metrics here and runs scenarios from its own catalogue.</PageHeader>
      {scenarioId ? (
        <p className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm" data-testid="scenario-request">
          To run the scenario <code className="font-mono">{scenarioId}</code>, start it on one of your lab machines below.
        </p>
      ) : null}
      <EmptyState title="No lab machines enrolled">Enrolled machines appear here with their live CPU, memory, network and disk charts.</EmptyState>
    </>
  );
}
