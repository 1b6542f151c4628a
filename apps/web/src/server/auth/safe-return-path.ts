// Where to go after signing in or up. Only same-site paths: an open redirect would let a
// crafted link send people anywhere with perflab's name on it.
export function safeReturnPath(value: string | string[] | undefined, fallback = "/curriculum"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
