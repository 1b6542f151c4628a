// The only module here that touches the filesystem: lists the section overviews under a
// content root, sorted by section number.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSectionIndex, type TSectionIndex } from "./section-index";

export function readSections(contentRoot: string): TSectionIndex[] {
  const docsDir = join(contentRoot, "docs");
  if (!existsSync(docsDir)) return [];
  return readdirSync(docsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(docsDir, entry.name, "index.md")))
    .map((entry) => {
      const file = join(docsDir, entry.name, "index.md");
      return parseSectionIndex(readFileSync(file, "utf8"), file, entry.name);
    })
    .sort((a, b) => a.section - b.section);
}
