// The address at which processes on this machine reach the web server, derived from HOST
// (not PERFLAB_PUBLIC_URL: that may be a proxy or a name that only resolves elsewhere).

const ANY_ADDRESS = new Set(["0.0.0.0", "::", "[::]"]);

export function localServerUrl(host: string, port: number): string {
  // Bound to every address: loopback is one of them and never leaves the machine.
  if (ANY_ADDRESS.has(host)) return `http://127.0.0.1:${port}`;
  const isBareIpv6 = host.includes(":") && !host.startsWith("[");
  return `http://${isBareIpv6 ? `[${host}]` : host}:${port}`;
}
