// Tokenizing helpers shared by the parsers. They do what `line.trim().split(/\s+/)` and
// `/^\d+$/.test(token)` do, without regular expressions or intermediate strings: the
// agent parses up to six files a hundred times a second in high-resolution mode, and on a
// 1 Hz tick the parsers run cold, where every allocation and regex call shows (measured by
// `npm run bench:agent`). /proc separates fields with spaces, and a few files with tabs.

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

/** The whitespace-separated fields of a line; [] for a blank one. */
export function splitFields(line: string, from = 0, to = line.length): string[] {
  const fields: string[] = [];
  let start = -1;
  for (let index = from; index < to; index++) {
    if (isSpace(line.charCodeAt(index))) {
      if (start !== -1) {
        fields.push(line.slice(start, index));
        start = -1;
      }
    } else if (start === -1) start = index;
  }
  if (start !== -1) fields.push(line.slice(start, to));
  return fields;
}

/** True when the line has nothing but whitespace. */
export function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index++) if (!isSpace(line.charCodeAt(index))) return false;
  return true;
}

/** True when the text has any whitespace in it (a name that must be one token). */
export function containsWhitespace(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (isSpace(text.charCodeAt(index))) return true;
  return false;
}

/** Where the next field starts at or after `from`, or the line's length when none does. */
export function skipSpaces(line: string, from: number): number {
  let index = from;
  while (index < line.length && isSpace(line.charCodeAt(index))) index++;
  return index;
}

/** Where the field starting at `from` ends (exclusive). */
export function fieldEnd(line: string, from: number): number {
  let index = from;
  while (index < line.length && !isSpace(line.charCodeAt(index))) index++;
  return index;
}

/** One or more ASCII digits and nothing else. */
export function isUnsignedDecimal(token: string): boolean {
  if (token.length === 0) return false;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** An optional leading '-' and one or more ASCII digits. */
export function isSignedDecimal(token: string): boolean {
  return token.charCodeAt(0) === 45 ? token.length > 1 && isUnsignedDecimal(token.slice(1)) : isUnsignedDecimal(token);
}

/** One to `maxDigits` hex digits, either case (softnet_stat prints `%08x`). */
export function isHex(token: string, maxDigits: number): boolean {
  if (token.length === 0 || token.length > maxDigits) return false;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) return false;
  }
  return true;
}
