// Pure parsing of a section overview (`NN-name/index.md`).
import type { TContentIssue } from "../issues";
import { ZSectionFrontMatter, type TSectionFrontMatter } from "../schemas";
import { parseFrontMatter } from "./parse-front-matter";

export interface TSectionOverview extends TSectionFrontMatter {
  file: string;
  /** Folder name, e.g. "02-cpu". */
  folder: string;
  body: string;
}

const SECTION_FOLDER = /^(\d{2})-[a-z0-9-]+$/;

export function parseSectionOverview(text: string, file: string, folder: string): { section: TSectionOverview | null; issues: TContentIssue[] } {
  const issues: TContentIssue[] = [];
  const folderMatch = SECTION_FOLDER.exec(folder);
  if (!folderMatch) {
    issues.push({ file, line: 1, field: null, message: `the section folder "${folder}" must be named NN-short-name` });
    return { section: null, issues };
  }
  const parsed = parseFrontMatter(text, file, ZSectionFrontMatter, issues);
  if (!parsed) return { section: null, issues };
  if (parsed.frontMatter.section !== Number(folderMatch[1])) {
    issues.push({ file, line: parsed.lineOfKey("section"), field: "section", message: `is ${parsed.frontMatter.section} but the folder says ${Number(folderMatch[1])}` });
  }
  return { section: { ...parsed.frontMatter, file, folder, body: parsed.split.body }, issues };
}
