// GET /api/agent/{agent.mjs,install.sh,perflab-agent.service}: what the install commands
// on the labs page download onto a lab machine. Public on purpose: a lab machine fetches
// them without a browser session, and none holds a secret (the token is passed separately
// and shown once). Only these three names are served.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { getServerEnv } from "@/env";

export const dynamic = "force-dynamic";

const FILES: Record<string, { path: () => string; contentType: string }> = {
  "agent.mjs": { path: () => getServerEnv().PERFLAB_AGENT_BUNDLE, contentType: "text/javascript; charset=utf-8" },
  "install.sh": { path: () => "agent/install/install.sh", contentType: "text/x-shellscript; charset=utf-8" },
  "perflab-agent.service": { path: () => "agent/install/perflab-agent.service", contentType: "text/plain; charset=utf-8" },
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const served = Object.hasOwn(FILES, file) ? FILES[file]! : null;
  if (!served) return Response.json({ error: `Not an agent file; these are: ${Object.keys(FILES).join(", ")}` }, { status: 404 });
  try {
    return new Response(await readFile(resolve(served.path())), { headers: { "content-type": served.contentType, "cache-control": "no-cache" } });
  } catch {
    return Response.json({ error: "The agent is not built on this server: run `npm run build -w @perflab/agent` (npm start does it)." }, { status: 404 });
  }
}
