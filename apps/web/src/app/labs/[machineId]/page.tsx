// "/labs/<id>": one lab machine's live charts. The machine is read through the data
// layer's getLabMachine, which refuses anyone but its owner and administrators; a refusal
// and an unknown id both answer 404, so ids cannot be probed. The charts then subscribe
// over /live, where the same check runs again on every request.
import { ForbiddenError, getLabMachine, type TLabMachine } from "@perflab/db";
import { ZCapabilities, ZHostFacts, ZScenarioAvailability } from "@perflab/protocol";
import * as z from "zod/mini";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatValue } from "@/live/format-value";
import { requireUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { LiveLab } from "./live-lab";
import type { TMachineScenario } from "./scenarios-panel";

export const dynamic = "force-dynamic";
export const metadata = { title: "Lab machine" };

async function readMachine(machineId: string, returnTo: string): Promise<TLabMachine> {
  const viewer = await requireUser(returnTo);
  try {
    const machine = await getLabMachine(getDb(), viewer, machineId);
    if (machine) return machine;
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
  }
  notFound();
}

/** The curriculum's scenarios, with what this machine's agent said about each. */
function machineScenarios(machine: TLabMachine): TMachineScenario[] {
  const announced = z.array(ZScenarioAvailability).safeParse(machine.scenarios);
  const byId = new Map((announced.success ? announced.data : []).map((entry) => [entry.id, entry]));
  return getCurriculum().curriculum.scenarios.map((manifest) => {
    const entry = byId.get(manifest.id);
    return { manifest, available: announced.success ? (entry?.available ?? false) : null, missing: entry?.missing ?? (announced.success ? [{ requirement: "a newer agent", hint: "this agent does not carry the scenario; update it" }] : []) };
  });
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export default async function LabMachinePage({ params, searchParams }: { params: Promise<{ machineId: string }>; searchParams: Promise<{ scenario?: string | string[]; variant?: string | string[]; exercise?: string | string[] }> }) {
  const { machineId } = await params;
  const { scenario, variant, exercise } = await searchParams;
  const requested =
    typeof scenario === "string" && ID_PATTERN.test(scenario)
      ? {
          scenarioId: scenario,
          variant: typeof variant === "string" && ID_PATTERN.test(variant) ? variant : null,
          exerciseId: typeof exercise === "string" && /^[\w./-]{1,140}$/.test(exercise) ? exercise : null,
        }
      : null;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(machineId)) notFound();
  const machine = await readMachine(machineId, `/labs/${machineId}`);
  const host = ZHostFacts.safeParse(machine.hostFacts);
  const capabilities = ZCapabilities.safeParse(machine.capabilities);
  return (
    <>
      <div className="mb-6">
        <Link href="/labs" className="text-sm text-slate-600 hover:underline">
          ← Labs
        </Link>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="machine-name">
          {machine.name}
        </h1>
        {machine.revokedAt ? <p className="mt-2 text-sm text-red-700">This machine was revoked: its agent can no longer connect. Its recorded history is still shown.</p> : null}
      </div>
      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4" data-testid="host-facts">
        <Fact label="Host" value={host.success ? host.data.hostname : "not connected yet"} />
        <Fact label="Kernel" value={host.success ? `Linux ${host.data.kernelRelease} (${host.data.architecture})` : "–"} />
        <Fact label="CPUs" value={host.success ? String(host.data.cpuCount) : "–"} />
        <Fact label="Memory" value={host.success ? formatValue(host.data.memoryBytes, "bytes") : "–"} />
        <Fact label="Agent" value={machine.agentVersion ?? "–"} />
        <Fact label="Capabilities" value={capabilities.success ? describeCapabilities(capabilities.data) : "–"} wide />
      </dl>
      <LiveLab machineId={machine.id} cpuCount={host.success ? host.data.cpuCount : null} scenarios={machineScenarios(machine)} requested={requested} />
    </>
  );
}

function Fact({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 sm:col-span-3" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}

function describeCapabilities(capabilities: ReturnType<typeof ZCapabilities.parse>): string {
  const psi = Object.entries(capabilities.psi)
    .filter(([, present]) => present)
    .map(([resource]) => resource);
  return [
    psi.length > 0 ? `PSI (${psi.join(", ")})` : "no PSI (kernel before 4.20 or psi=0)",
    `cgroup ${capabilities.cgroup}`,
    capabilities.schedstat ? "schedstat" : "no schedstat",
    capabilities.diskstatsFields === null ? "no diskstats" : `diskstats ${capabilities.diskstatsFields} fields`,
  ].join(" · ");
}
