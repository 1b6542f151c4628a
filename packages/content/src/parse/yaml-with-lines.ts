// YAML parsing that can say on which line a value sits, so a schema error points at the
// line to fix. `firstLine` is the file line on which the YAML text starts.
import { isNode, LineCounter, parseDocument } from "yaml";

export type TYamlResult = { value: unknown; lineOf: (path: readonly PropertyKey[]) => number } | { error: string; line: number };

export function parseYamlWithLines(text: string, firstLine: number): TYamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line ?? 1;
    return { error: firstError.message.split("\n")[0]!, line: firstLine + line - 1 };
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    // The deepest node that exists on the path (a missing key points at its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return firstLine + lineCounter.linePos(node.range[0]).line - 1;
    }
    return firstLine;
  };
  return { value: document.toJS(), lineOf };
}
