// A problem found in the curriculum, located precisely enough to fix without searching:
// the file, the 1-based line, and the field (front matter key, block field, or part).
export interface TContentIssue {
  file: string;
  line: number;
  field: string | null;
  message: string;
}

export function formatIssue(issue: TContentIssue): string {
  return `${issue.file}:${issue.line}${issue.field ? ` (${issue.field})` : ""}: ${issue.message}`;
}

export class ContentError extends Error {
  constructor(readonly issues: TContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ContentError";
  }
}
