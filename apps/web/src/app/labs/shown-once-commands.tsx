"use client";
// The install commands with a freshly issued token: shown once (only a hash is kept), so
// this is the one moment to copy them.
import { useState } from "react";
import type { TInstallCommands } from "./install-commands";

function CopyableCommand({ label, command, testId }: { label: string; command: string; testId: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div>
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="mt-1 flex gap-2">
        <textarea readOnly rows={3} value={command} aria-label={label} data-testid={testId} onFocus={(event) => event.currentTarget.select()} className="flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs" />
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(command).then(() => setIsCopied(true), () => undefined)}
          className="self-start rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          {isCopied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

export function ShownOnceCommands({ name, commands }: { name: string; commands: TInstallCommands }) {
  return (
    <div role="status" className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4">
      <p className="text-sm text-emerald-900">
        <strong>{name}</strong>: copy a command now, the token in it is shown only this once. Run it on the lab machine (Node.js 20 or newer); the machine shows as online here within seconds.
      </p>
      <CopyableCommand label="Try it in a terminal" command={commands.run} testId="run-command" />
      <CopyableCommand label="Or install it as a systemd service (root)" command={commands.service} testId="service-command" />
    </div>
  );
}
