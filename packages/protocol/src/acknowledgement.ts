// Every acknowledged event answers `{ data }` or `{ error }`, never throws across the wire.

export type TAck<T> = { data: T } | { error: { code: string; message: string } };

export function ackData<T>(data: T): TAck<T> {
  return { data };
}

export function ackError(code: string, message: string): TAck<never> {
  return { error: { code, message } };
}

/** Turns a zod failure into one readable line naming the offending fields. */
export function describeZodError(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join(".") : "payload"}: ${issue.message}`).join("; ");
}
