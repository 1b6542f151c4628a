// The Markdown structure the validator needs, read line by line: front matter, fenced
// blocks (with the info string that marks `exercise` and `quiz`), and `##` parts.
// Headings inside fenced code are not parts.

export interface TFrontMatterSplit {
  yaml: string;
  /** File line of the first YAML line. */
  yamlFirstLine: number;
  body: string;
  /** File line of the first body line. */
  bodyFirstLine: number;
}

export function splitFrontMatter(text: string): TFrontMatterSplit | null {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") return null;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join("\n"), yamlFirstLine: 2, body: lines.slice(end + 1).join("\n"), bodyFirstLine: end + 2 };
}

export interface TFencedBlock {
  info: string;
  content: string;
  /** File line of the opening fence. */
  line: number;
  /** File line of the closing fence. */
  endLine: number;
}

export interface TPart {
  title: string;
  /** File line of the `##` heading. */
  line: number;
  /** File line of the last line before the next part (or the end). */
  endLine: number;
  /** The part's Markdown lines, heading excluded. */
  lines: string[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

export interface TBodyStructure {
  blocks: TFencedBlock[];
  parts: TPart[];
  /** Lines outside fenced blocks (for word counts and search). */
  proseLines: string[];
}

export function readBodyStructure(body: string, bodyFirstLine: number): TBodyStructure {
  const blocks: TFencedBlock[] = [];
  const parts: TPart[] = [];
  const proseLines: string[] = [];
  let openFence: { marker: string; info: string; line: number; content: string[] } | null = null;
  body.split("\n").forEach((line, index) => {
    const fileLine = bodyFirstLine + index;
    const fence = FENCE.exec(line);
    if (openFence) {
      const marker = openFence.marker;
      if (fence && fence[1]![0] === marker[0] && fence[1]!.length >= marker.length && fence[2] === "") {
        blocks.push({ info: openFence.info, content: openFence.content.join("\n"), line: openFence.line, endLine: fileLine });
        openFence = null;
      } else {
        openFence.content.push(line);
      }
    } else if (fence) {
      openFence = { marker: fence[1]!, info: fence[2]!, line: fileLine, content: [] };
    } else if (line.startsWith("## ")) {
      const previous = parts.at(-1);
      if (previous) previous.endLine = fileLine - 1;
      parts.push({ title: line.slice(3).trim(), line: fileLine, endLine: fileLine, lines: [] });
      return;
    } else {
      proseLines.push(line);
    }
    parts.at(-1)?.lines.push(line);
  });
  const last = parts.at(-1);
  if (last) last.endLine = bodyFirstLine + body.split("\n").length - 1;
  return { blocks, parts, proseLines };
}

export function countWords(lines: string[]): number {
  return lines.join(" ").split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Top-level list items of a part: what References entries are. */
export function countListItems(lines: string[]): number {
  return lines.filter((line) => /^(?:[-*+]|\d+[.)])\s+\S/.test(line)).length;
}
