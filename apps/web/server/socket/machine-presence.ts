// Which lab machines have an agent connected right now, with the sampling state of their
// last batch: what a viewer sees as "online" and what /live asks for a sampling change.
// In memory, in the one web server process: presence is about live sockets, which are
// in this process too.
import type { TMachineState, TSamplingState } from "@perflab/protocol";
import type { Socket } from "socket.io";

interface TConnectedAgent {
  socket: Socket;
  sampling: TSamplingState | null;
  lastSeenMs: number;
}

export class MachinePresence {
  private readonly connected = new Map<string, TConnectedAgent>();
  private readonly revokedHere = new Set<string>();

  /** Revoked through this server: reported so from now on, whatever a caller last read from the database. */
  markRevoked(machineId: string): void {
    this.revokedHere.add(machineId);
  }

  /** An agent authenticated; a second connection of the same machine replaces the first. */
  connect(machineId: string, socket: Socket, nowMs = Date.now()): void {
    this.connected.set(machineId, { socket, sampling: null, lastSeenMs: nowMs });
  }

  /** Only the socket that is current counts: a replaced connection closing later changes nothing. */
  disconnect(machineId: string, socket: Socket): boolean {
    if (this.connected.get(machineId)?.socket !== socket) return false;
    this.connected.delete(machineId);
    return true;
  }

  /** A batch arrived; true when its sampling state differs from the previous one. */
  sawBatch(machineId: string, sampling: TSamplingState, nowMs = Date.now()): boolean {
    const agent = this.connected.get(machineId);
    if (!agent) return false;
    const changed = agent.sampling === null || agent.sampling.mode !== sampling.mode || agent.sampling.intervalMs !== sampling.intervalMs;
    agent.sampling = sampling;
    agent.lastSeenMs = nowMs;
    return changed;
  }

  agentSocket(machineId: string): Socket | null {
    return this.connected.get(machineId)?.socket ?? null;
  }

  state(machineId: string, stored: { revoked: boolean; lastSeenMs: number | null }): TMachineState {
    const agent = this.connected.get(machineId);
    const revoked = stored.revoked || this.revokedHere.has(machineId);
    return {
      machineId,
      online: agent !== undefined && !revoked,
      revoked,
      sampling: agent?.sampling ?? null,
      lastSeenMs: agent?.lastSeenMs ?? stored.lastSeenMs,
    };
  }
}
