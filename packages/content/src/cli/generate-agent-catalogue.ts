// `npm run scenarios:generate`: renders content/scripts into the agent's catalogue module.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AGENT_CATALOGUE_PATH, renderAgentCatalogue } from "../agent-catalogue";

const repositoryRoot = join(import.meta.dirname, "../../../..");
try {
  writeFileSync(join(repositoryRoot, AGENT_CATALOGUE_PATH), renderAgentCatalogue(join(repositoryRoot, "content")));
  console.log(`wrote ${AGENT_CATALOGUE_PATH}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
