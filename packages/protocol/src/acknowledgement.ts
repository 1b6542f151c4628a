// Every acknowledged event answers `{ data }` or `{ error }`, never throws across the wire.
import { z } from "zod";

export type TAck<T> = { data: T } | { error: { code: string; message: string } };

export function ackData<T>(data: T): TAck<T> {
  return { data };
}

export function ackError(code: string, message: string): TAck<never> {
  return { error: { code, message } };
}

/** Turns a zod failure into one readable line naming the offending fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "payload"}: ${issue.message}`).join("; ");
}
