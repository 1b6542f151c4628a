// The agent's scenarios, wired: scripts written from the built-in catalogue into the state
// directory, leftovers of a run that died with a previous agent undone, availability
// checked for the hello, and the server's start/stop requests answered over the agent's
// socket, with each run's progress sent back as events.
import { homedir } from "node:os";
import { join } from "node:path";
import { SCENARIO_EVENTS, type TScenarioAvailability, type TScenarioEvent } from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import { SCENARIO_CATALOGUE, SCENARIO_LIBRARY } from "./catalogue.generated";
import { materializeScripts } from "./materialize-scripts";
import { ScenarioRunner } from "./scenario-runner";

export interface TScenarioService {
  availability: TScenarioAvailability[];
  runner: ScenarioRunner;
  /** Where run events go; the socket once attachScenarioChannel ran. */
  send: (event: TScenarioEvent) => void;
}

/** As root: /var/lib for the scripts, /run (emptied by a reboot, like what the undo logs undo) for undo logs. */
export function scenarioDirectories(stateDir: string | undefined): { scriptsDir: string; undoDir: string } {
  const isRoot = process.getuid?.() === 0;
  const base = stateDir ?? (isRoot ? "/var/lib/perflab-agent" : join(process.env.XDG_STATE_HOME ?? join(homedir(), ".local/state"), "perflab-agent"));
  return { scriptsDir: join(base, "scenarios"), undoDir: isRoot ? "/run/perflab-scenarios" : join(base, "undo") };
}

/** Before the agent connects: its hello announces what prepareScenarios found. */
export async function prepareScenarios(stateDir: string | undefined, log: (message: string) => void): Promise<TScenarioService> {
  const { scriptsDir, undoDir } = scenarioDirectories(stateDir);
  materializeScripts(scriptsDir, SCENARIO_LIBRARY, SCENARIO_CATALOGUE);
  const runner = new ScenarioRunner({
    catalogue: SCENARIO_CATALOGUE,
    scriptsDir,
    undoDir,
    emit: (event) => {
      if (event.kind === "exit") log(`scenario run ${event.runId}: ${event.status}`);
      service.send(event);
    },
  });
  for (const id of await runner.cleanupLeftovers()) log(`undid what an interrupted run of ${id} left behind`);
  const availability = await runner.availability();
  const unavailable = availability.filter((scenario) => !scenario.available);
  log(`${availability.length - unavailable.length} of ${availability.length} scenarios can run here${unavailable.length ? ` (not: ${unavailable.map((scenario) => `${scenario.id} needs ${scenario.missing.map((missing) => missing.requirement).join(", ")}`).join("; ")})` : ""}`);
  const service: TScenarioService = { availability, runner, send: () => {} };
  return service;
}

/** Answers the server's start and stop requests, and sends run events over the socket (Socket.IO buffers them while disconnected). */
export function attachScenarioChannel(socket: Socket, service: TScenarioService, log: (message: string) => void): void {
  const { runner } = service;
  service.send = (event) => socket.emit(SCENARIO_EVENTS.event, event);

  const answer = (handler: (payload: unknown) => unknown) => (payload: unknown, ack: unknown) => {
    if (typeof ack === "function") ack(handler(payload));
  };
  socket.on(
    SCENARIO_EVENTS.start,
    answer((payload) => {
      const result = runner.start(payload);
      if ("data" in result) log(`scenario run ${result.data.runId}: ${(payload as { scenarioId: string }).scenarioId} started`);
      return result;
    }),
  );
  socket.on(SCENARIO_EVENTS.stop, answer((payload) => runner.stop(payload)));
}
