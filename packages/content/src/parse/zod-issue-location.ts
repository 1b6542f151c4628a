// Where a zod issue points in the YAML: for an unknown key, at the key itself rather than
// at the object that holds it.
import type { z } from "zod";

export function locateZodIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "unrecognized_keys") {
    return { path: [...issue.path, issue.keys[0]!], message: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` };
  }
  return { path: issue.path, message: issue.message };
}
