// Front matter: YAML between `---` lines, validated against a schema, every problem on
// its own line.
import type { z } from "zod";
import type { TContentIssue } from "../issues";
import { splitFrontMatter, type TFrontMatterSplit } from "./markdown-structure";
import { parseYamlWithLines } from "./yaml-with-lines";
import { locateZodIssue } from "./zod-issue-location";

export interface TParsedFrontMatter<T> {
  frontMatter: T;
  split: TFrontMatterSplit;
  /** The line of each top-level key, for messages found after parsing. */
  lineOfKey: (key: string) => number;
}

export function parseFrontMatter<T>(text: string, file: string, schema: z.ZodType<T>, issues: TContentIssue[]): TParsedFrontMatter<T> | null {
  const split = splitFrontMatter(text);
  if (!split) {
    issues.push({ file, line: 1, field: null, message: "missing front matter: the file must start with a --- block" });
    return null;
  }
  const yaml = parseYamlWithLines(split.yaml, split.yamlFirstLine);
  if ("error" in yaml) {
    issues.push({ file, line: yaml.line, field: "front matter", message: `is not valid YAML: ${yaml.error}` });
    return null;
  }
  const parsed = schema.safeParse(yaml.value ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { path, message } = locateZodIssue(issue);
      issues.push({ file, line: yaml.lineOf(path), field: path.map(String).join(".") || null, message });
    }
    return null;
  }
  return { frontMatter: parsed.data, split, lineOfKey: (key) => yaml.lineOf([key]) };
}
