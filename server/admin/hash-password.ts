import "server-only";
import crypto from "node:crypto";

/**
 * scrypt cost. N=2^15, r=8, p=3 is one of OWASP's equivalent scrypt settings (32 MiB per hash,
 * tens of milliseconds here), slow enough to make an offline guess costly yet cheap for one login.
 */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** A decoded `scrypt$N$r$p$<base64 salt>$<base64 hash>` string. */
export interface PasswordHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

export interface HashPasswordOptions {
  password: string;
  cost?: ScryptCost;
}

/** Hashes a password into the `scrypt$N$r$p$salt$hash` form that ADMIN_PASSWORD_HASH holds. */
export async function hashPassword({ password, cost = DEFAULT_SCRYPT_COST }: HashPasswordOptions): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, KEY_BYTES, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/**
 * Decodes a stored hash, refusing costs that are not scrypt's (N a power of two) or so large that
 * one login could exhaust the server's memory.
 */
export function parsePasswordHash(encoded: string): PasswordHash {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(encoded.trim());
  if (!match) throw new Error("The password hash is not in the form scrypt$N$r$p$<salt>$<hash>.");
  const [, n, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Number.isSafeInteger(cost.N) || cost.N < 2 ** 10 || cost.N > 2 ** 20 || (cost.N & (cost.N - 1)) !== 0) {
    throw new Error("The password hash's N must be a power of two between 2^10 and 2^20.");
  }
  if (cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) throw new Error("The password hash's r or p is out of range.");
  const decoded = { cost, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
  if (decoded.salt.length < 8 || decoded.hash.length < 16) throw new Error("The password hash's salt or hash is too short.");
  return decoded;
}

export function deriveKey(password: string, salt: Buffer, keyLength: number, { N, r, p }: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Node refuses anything above 32 MiB by default, which N=2^15, r=8 reaches exactly.
    const maxmem = 256 * N * r + 1024 * 1024;
    crypto.scrypt(password.normalize("NFKC"), salt, keyLength, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
