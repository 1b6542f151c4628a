// What the page knows about the link: the browser's connection to the server, and the
// machine's agent as the server sees it (online, sampling, revoked).
import type { TMachineState, TSamplingState } from "@perflab/protocol";
import { formatClock } from "@/live/format-value";
import type { TConnection } from "@/live/use-live-machine";

const CONNECTION_TEXT: Record<TConnection, { text: string; style: string }> = {
  connecting: { text: "connecting", style: "bg-slate-100 text-slate-700" },
  live: { text: "live", style: "bg-emerald-50 text-emerald-800" },
  reconnecting: { text: "reconnecting", style: "bg-amber-50 text-amber-800" },
  refused: { text: "refused", style: "bg-red-50 text-red-700" },
};

function machineText(state: TMachineState | null, sampling: TSamplingState | null): { text: string; style: string } {
  if (!state) return { text: "unknown", style: "bg-slate-100 text-slate-700" };
  if (state.revoked) return { text: "revoked", style: "bg-red-50 text-red-700" };
  if (!state.online) return { text: state.lastSeenMs ? `offline · last seen ${formatClock(state.lastSeenMs)}` : "offline", style: "bg-slate-100 text-slate-700" };
  if (sampling?.mode === "high-res") return { text: `online · every ${sampling.intervalMs} ms (${sampling.achievedHz} Hz achieved)`, style: "bg-violet-50 text-violet-800" };
  return { text: "online", style: "bg-emerald-50 text-emerald-800" };
}

interface TConnectionBadgesProps {
  connection: TConnection;
  state: TMachineState | null;
  /** The newest batch's sampling, when one arrived after the state did. */
  latestSampling: TSamplingState | null;
  problem: string | null;
}

export function ConnectionBadges({ connection, state, latestSampling, problem }: TConnectionBadgesProps) {
  const link = CONNECTION_TEXT[connection];
  // The state changes when the mode does; each batch also reports the rate achieved so far.
  const sampling = latestSampling && state?.sampling?.mode === latestSampling.mode ? latestSampling : (state?.sampling ?? null);
  const machine = machineText(state, sampling);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <span className={`rounded px-2 py-0.5 font-medium ${link.style}`} data-testid="connection-state">
        browser: {link.text}
      </span>
      <span className={`rounded px-2 py-0.5 font-medium ${machine.style}`} data-testid="machine-state">
        agent: {machine.text}
      </span>
      {problem ? (
        <span className="text-red-700" role="status">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
