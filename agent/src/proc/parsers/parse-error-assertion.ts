// For the parser tests: asserts that parsing throws a ProcParseError naming this file and
// 1-based line, with a message in "file:line: detail" form.
import { expect } from "vitest";
import { ProcParseError } from "../parse-error";

export function expectParseError(parse: () => unknown, file: string, line: number, detail: RegExp): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ProcParseError);
    const parseError = error as ProcParseError;
    expect({ file: parseError.file, line: parseError.line }).toEqual({ file, line });
    expect(parseError.message.startsWith(`${file}:${line}: `)).toBe(true);
    expect(parseError.detail).toMatch(detail);
    return;
  }
  expect.fail("expected a ProcParseError");
}
