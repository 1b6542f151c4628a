// `npm run content:check [-- --root <content dir>]`: validates the whole curriculum and
// prints a table per document. Exits 1 on any problem, each named by file:line (field).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue } from "../issues";
import { loadCurriculum } from "../load-curriculum";
import { formatReport } from "./format-report";

const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../content");

const rootFlag = process.argv.indexOf("--root");
const contentRoot = rootFlag >= 0 && process.argv[rootFlag + 1] ? resolve(process.argv[rootFlag + 1]!) : DEFAULT_ROOT;

const { curriculum, issues } = loadCurriculum(contentRoot);
console.log(formatReport(curriculum));
if (issues.length > 0) {
  console.error(`\n${issues.length} problem${issues.length === 1 ? "" : "s"}:`);
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
console.log(`\ncontent ok: ${curriculum.sections.length} sections, ${curriculum.topics.length} topics, ${curriculum.scenarios.length} scenarios`);
