// Pure parsing of a section overview (`content/docs/NN-name/index.md`): its front matter
// names the section number, title and summary shown in the curriculum index.
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const ZSectionFrontMatter = z.strictObject({
  section: z.number().int().min(1).max(99),
  title: z.string().min(1),
  summary: z.string().min(1),
});
export type TSectionFrontMatter = z.infer<typeof ZSectionFrontMatter>;

export interface TSectionIndex extends TSectionFrontMatter {
  /** The folder name, e.g. "02-cpu". */
  folder: string;
  /** Markdown after the front matter. */
  body: string;
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}${field ? ` (${field})` : ""}: ${detail}`);
    this.name = "ContentError";
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const SECTION_FOLDER = /^(\d{2})-[a-z0-9-]+$/;

export function parseSectionIndex(text: string, file: string, folder: string): TSectionIndex {
  const folderMatch = SECTION_FOLDER.exec(folder);
  if (!folderMatch) throw new ContentError(file, null, `section folder "${folder}" must be named NN-short-name`);
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ContentError(file, null, "missing front matter (a --- block at the top)");
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!);
  } catch (error) {
    throw new ContentError(file, null, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = ZSectionFrontMatter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(file, issue.path.join(".") || null, issue.message);
  }
  if (parsed.data.section !== Number(folderMatch[1])) {
    throw new ContentError(file, "section", `is ${parsed.data.section} but the folder says ${Number(folderMatch[1])}`);
  }
  return { ...parsed.data, folder, body: text.slice(match[0].length) };
}
