// /proc/net/snmp and /proc/net/netstat: protocol MIB counters of the reader's network
// namespace. Both files print pairs of lines, "Proto: Name1 Name2 …" then "Proto: v1 v2 …"
// (net/ipv4/proc.c: snmp_seq_show, netstat_seq_show), so one parser reads both:
//   snmp    → Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite
//   netstat → TcpExt, IpExt, and on newer kernels MPTcpExt and others
//
// Kernels add, remove and rename counters (FIELD-NOTES pitfall 11), so values are keyed by
// the names on the header line, never by position. A block may repeat: icmpmsg_put prints
// IcmpMsg in chunks of 16 counters (PERLINE), each chunk its own header/value pair, and
// prints no IcmpMsg block at all while every ICMP type is still 0. Repeated blocks merge.
//
// Values are signed: Tcp MaxConn is printed with %ld and is -1 ("no limit", RFC 2012).
// Everything else is an unsigned long; above 2^53 a JavaScript number rounds the last
// digits, which is harmless for rates.
import { ProcParseError } from "../parse-error";
import { isBlank, isSignedDecimal, splitFields } from "./fields";

/** Counters by protocol, then by field name: `snmp.Tcp?.RetransSegs`. */
export type TNetSnmp = Record<string, Record<string, number>>;

// A field name starts with a letter ("InReceives", "InType3"); a value never does, which is
// how a lost header line shows instead of shifting every later block by one line. (Tokens
// hold no whitespace: splitFields made them.)
const isFieldName = (token: string): boolean => {
  const first = token.charCodeAt(0);
  return (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
};

type TPrefixedLine = {
  proto: string;
  tokens: string[];
  lineNumber: number;
};

/** `only`: the fields to keep by protocol (every line is still checked), for collectors that need a few. */
export function parseNetSnmp(text: string, file = "/proc/net/snmp", only?: ReadonlyMap<string, ReadonlySet<string>>): TNetSnmp {
  const lines = splitPrefixedLines(text, file);
  if (lines.length === 0) throw new ProcParseError(file, "empty file, expected 'Proto: names' / 'Proto: values' line pairs", 1);

  const snmp: TNetSnmp = {};
  for (let index = 0; index < lines.length; index += 2) {
    const header = lines[index]!;
    const values = lines[index + 1];
    checkFieldNames(header, file);
    if (values === undefined) {
      throw new ProcParseError(file, `${header.proto}: header line has no value line after it`, header.lineNumber);
    }
    if (values.proto !== header.proto) {
      throw new ProcParseError(file, `expected the values of ${header.proto}, found ${JSON.stringify(values.proto + ":")}`, values.lineNumber);
    }
    if (values.tokens.length !== header.tokens.length) {
      throw new ProcParseError(file, `${header.proto}: ${header.tokens.length} names on line ${header.lineNumber} but ${values.tokens.length} values`, values.lineNumber);
    }

    const block = (snmp[header.proto] ??= {});
    const wanted = only?.get(header.proto);
    for (let position = 0; position < header.tokens.length; position++) {
      const name = header.tokens[position]!;
      const value = values.tokens[position]!;
      if (!isSignedDecimal(value)) {
        throw new ProcParseError(file, `${header.proto} ${name} is not an integer: ${JSON.stringify(value)}`, values.lineNumber);
      }
      if (!only || wanted?.has(name)) block[name] = Number(value);
    }
  }
  return snmp;
}

/** Every non-blank line as "Proto:" plus its whitespace-separated tokens. */
function splitPrefixedLines(text: string, file: string): TPrefixedLine[] {
  const result: TPrefixedLine[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    const colon = line.indexOf(":");
    const proto = colon === -1 ? "" : line.slice(0, colon).trim();
    if (proto === "" || /\s/.test(proto)) {
      throw new ProcParseError(file, `expected 'Proto: …', found ${JSON.stringify(line.slice(0, 40))}`, index + 1);
    }
    result.push({ proto, tokens: splitFields(line, colon + 1), lineNumber: index + 1 });
  }
  return result;
}

function checkFieldNames(header: TPrefixedLine, file: string): void {
  const bad = header.tokens.find((name) => !isFieldName(name));
  if (bad !== undefined) {
    throw new ProcParseError(file, `${header.proto}: expected a header line of field names, found ${JSON.stringify(bad)}`, header.lineNumber);
  }
}
