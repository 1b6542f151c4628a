// "/labs" – the viewer's lab machines (administrators: everyone's): enrol one, see which
// are online, rotate a token, revoke a machine.
import { listLabMachines, type TLabMachine } from "@perflab/db";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { realtimeControl } from "../../../server/socket/realtime-control";
import { revokeMachine } from "./actions";
import { EnrollForm } from "./enroll-form";
import { RotateTokenButton } from "./rotate-token-button";

export const metadata = { title: "Labs" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** What the agent said of its host in its last hello: kernel and CPUs, when known. */
function describeHost(machine: TLabMachine): string {
  const host = machine.hostFacts as { kernelRelease?: unknown; cpuCount?: unknown; hostname?: unknown } | null;
  if (!host || typeof host.kernelRelease !== "string") return "not connected yet";
  return `${String(host.hostname)} · Linux ${host.kernelRelease} · ${String(host.cpuCount)} CPUs`;
}

function MachineState({ machine, isOnline }: { machine: TLabMachine; isOnline: boolean }) {
  if (machine.revokedAt) return <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">revoked</span>;
  if (isOnline) return <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">online</span>;
  return <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">offline{machine.lastSeenAt ? ` · last seen ${dateFormat.format(machine.lastSeenAt)}` : ""}</span>;
}

export default async function LabsPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[]; variant?: string | string[]; exercise?: string | string[] }> }) {
  const { scenario, variant, exercise } = await searchParams;
  const scenarioId = typeof scenario === "string" && /^[a-z0-9-]{1,64}$/.test(scenario) ? scenario : null;
  const exerciseId = typeof exercise === "string" && /^[\w./-]{1,140}$/.test(exercise) ? exercise : null;
  const variantName = typeof variant === "string" && /^[a-z0-9-]{1,64}$/.test(variant) ? variant : null;
  const runQuery = scenarioId ? `?scenario=${scenarioId}${variantName ? `&variant=${variantName}` : ""}${exerciseId ? `&exercise=${encodeURIComponent(exerciseId)}` : ""}` : "";
  const viewer = await requireUser(`/labs${runQuery}`);
  const machines = await listLabMachines(getDb(), viewer);
  const control = realtimeControl();
  return (
    <>
      <PageHeader title="Labs">Lab machines run the perflab agent, which streams their kernel counters here. Enrol a machine, run the command it gives you on it, and watch it come online.</PageHeader>
      {scenarioId ? (
        <p className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm" data-testid="scenario-request">
          To run the scenario <code className="font-mono">{scenarioId}</code>{exerciseId ? " for your exercise" : ""}, open one of your lab machines below (<span className="font-medium">Run it here</span>): it opens on the scenario, ready to start.
        </p>
      ) : null}
      <div className="space-y-10">
        <section aria-labelledby="machine-list">
          <h2 id="machine-list" className="mb-3 text-lg font-semibold">
            {viewer.role === "ADMIN" ? "All lab machines" : "Your lab machines"}
          </h2>
          {machines.length === 0 ? (
            <EmptyState title="No lab machines enrolled">Enrol one below; it appears here with its state, and its live charts open from here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {machines.map((machine) => (
                <li key={machine.id} className="flex flex-wrap items-start justify-between gap-4 p-4" data-testid="lab-machine" data-machine-id={machine.id}>
                  <div>
                    <p className="font-medium">
                      <Link href={`/labs/${machine.id}`} className="hover:underline" data-testid="lab-machine-link">
                        {machine.name}
                      </Link>{" "}
                      <MachineState machine={machine} isOnline={control?.isMachineOnline(machine.id) ?? false} />
                    </p>
                    <p className="text-sm text-slate-600">
                      {describeHost(machine)}
                      {viewer.role === "ADMIN" && machine.owner.id !== viewer.id ? ` · ${machine.owner.name} (${machine.owner.email})` : ""}
                    </p>
                  </div>
                  {machine.revokedAt ? null : (
                    <div className="flex items-start gap-2">
                      {scenarioId ? (
                        <Link href={`/labs/${machine.id}${runQuery}`} className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-800" data-testid="run-here">
                          Run it here
                        </Link>
                      ) : null}
                      <RotateTokenButton machineId={machine.id} name={machine.name} />
                      <form action={revokeMachine}>
                        <input type="hidden" name="machineId" value={machine.id} />
                        <button type="submit" className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50">
                          Revoke
                        </button>
                      </form>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="enrol-machine" className="max-w-2xl">
          <h2 id="enrol-machine" className="mb-3 text-lg font-semibold">
            Enrol a lab machine
          </h2>
          <EnrollForm />
        </section>
      </div>
    </>
  );
}
