"use client";
// "New token": the old token stops working and its agent is disconnected; the new install
// commands are shown once, under the machine.
import { useActionState } from "react";
import { rotateMachineToken, type TRotateState } from "./actions";
import { ShownOnceCommands } from "./shown-once-commands";

export function RotateTokenButton({ machineId, name }: { machineId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<TRotateState, FormData>(rotateMachineToken, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="machineId" value={machineId} />
        <button type="submit" disabled={isPending} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
          New token
        </button>
      </form>
      {state && "error" in state ? (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      ) : null}
      {state && "commands" in state ? <ShownOnceCommands name={name} commands={state.commands} /> : null}
    </div>
  );
}
