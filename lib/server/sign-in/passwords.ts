import "server-only";

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane):
// about 30-60 ms per check on these machines, slow enough for guessing.
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// A const enum in the package's types; its value is spelled out for isolatedModules.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked against when the account does not exist, so an unknown email takes
// as long as a wrong password and the timing does not reveal which accounts exist.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword("not a real password, only here to spend the same time");
  const target = stored ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return ok && !!stored;
  } catch {
    return false;
  }
}
