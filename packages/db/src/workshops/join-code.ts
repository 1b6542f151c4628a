// Workshop join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// shown as two groups of four so a room can read them off a projector. 31^8 ≈ 8.5e11
// codes, and guessing is throttled per learner (joinWorkshop), so short is safe.
import { randomInt } from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newJoinCode(): string {
  let code = "";
  for (let index = 0; index < 8; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a learner typed, as stored: case and separators do not matter. */
export function normalizeJoinCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 8 || [...compact].some((character) => !ALPHABET.includes(character))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
