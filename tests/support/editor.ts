// Helpers for tests of the editor's commands: point the app's database client
// at the run's database, act as a user (the session is set at the outer edge,
// lib/server/auth.ts; everything after it runs as in production), factories.
import { inject } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setTestSession } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/sign-in/passwords";

import { unique } from "./db";

/** Commands use the app's own client (lib/server/db.ts); it reads DATABASE_URL on first use. */
export function pointAppAtRunDatabase(): void {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-000000000000";
}

export const PASSWORD = "correct horse battery staple";

export async function makeUser(prisma: PrismaClient, opts: { role?: "admin" | "editor"; name?: string; disabled?: boolean } = {}) {
  const email = `${unique(opts.role ?? "editor")}@example.org`;
  return prisma.user.create({
    data: {
      email,
      displayName: opts.name ?? `Test ${opts.role ?? "editor"} ${email.slice(0, 12)}`,
      role: opts.role ?? "editor",
      passwordHash: await hashPassword(PASSWORD),
      disabledAt: opts.disabled ? new Date() : null,
      // A little in the past, so a session "signed in now" is after it.
      sessionsValidAfter: new Date(Date.now() - 60_000),
    },
  });
}

/** Acts as this user, signed in now (or at `signedInAt`). */
export function actAs(user: { id: string } | null, signedInAt = Date.now()): void {
  setTestSession(user ? { uid: user.id, signedInAt } : null);
}

export const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export { pastDay, validAttestation } from "./report-input";
