// Password hashing with scrypt, a memory-hard function built into Node (no native addon
// to compile on lab machines). Parameters follow OWASP's scrypt guidance: N=2^17, r=8,
// p=1 costs 128 MiB and ~0.3 s per hash on this project's 2-core CI machine.
// Stored form: scrypt$N$r$p$<salt base64>$<hash base64>, so parameters can be raised
// later and old hashes still verify.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const SCRYPT_COST_N = 2 ** 17;
const SCRYPT_BLOCK_SIZE_R = 8;
const SCRYPT_PARALLELISM_P = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const SCHEME = "scrypt";
// scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default limit.
const maxmemFor = (n: number, r: number) => 128 * n * r * 2;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const options = { N: SCRYPT_COST_N, r: SCRYPT_BLOCK_SIZE_R, p: SCRYPT_PARALLELISM_P, maxmem: maxmemFor(SCRYPT_COST_N, SCRYPT_BLOCK_SIZE_R) };
  const hash = await scrypt(password, salt, HASH_BYTES, options);
  return [SCHEME, SCRYPT_COST_N, SCRYPT_BLOCK_SIZE_R, SCRYPT_PARALLELISM_P, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Constant-time comparison; a malformed stored hash verifies as false, never throws. */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const [scheme, n, r, p, saltBase64, hashBase64] = storedHash.split("$");
  if (scheme !== SCHEME || !n || !r || !p || !saltBase64 || !hashBase64) return false;
  const cost = Number(n);
  const blockSize = Number(r);
  const parallelism = Number(p);
  if (![cost, blockSize, parallelism].every(Number.isSafeInteger)) return false;
  const expected = Buffer.from(hashBase64, "base64");
  if (expected.length === 0) return false;
  const actual = await scrypt(password, Buffer.from(saltBase64, "base64"), expected.length, {
    N: cost,
    r: blockSize,
    p: parallelism,
    maxmem: maxmemFor(cost, blockSize),
  });
  return timingSafeEqual(actual, expected);
}
