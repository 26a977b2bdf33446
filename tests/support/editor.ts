// Helpers for tests of the editor's commands: point the app's database client
// at the run's database, act as a user (the session is set at the outer edge,
// lib/server/auth.ts; everything after it runs as in production), factories.
import { inject } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
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

let dayCounter = 0;
/** A distinct past as-of date per call, so reports of one issuer never collide. */
export function pastDay(): string {
  dayCounter += 1;
  return new Date(Date.UTC(2024, 0, 1) + dayCounter * 86_400_000).toISOString().slice(0, 10);
}

export function validAttestation(issuerSlug: string, overrides: Partial<Record<keyof AttestationInput, unknown>> = {}): Record<string, unknown> {
  const asOf = (overrides.asOf as string | undefined) ?? pastDay();
  return {
    issuerSlug,
    asOf,
    publishedOn: null,
    reportType: "attestation",
    assurance: "examination",
    firm: "Test Assurance LLP",
    standard: "AICPA AT-C 205",
    opinion: "unqualified",
    scope: "reserves_and_tokens",
    reportUrl: "https://example.org/report.pdf",
    sourceUrl: null,
    sourceKind: "primary",
    tokensOutstanding: { value: "1000000", precision: "exact" },
    totalReserves: { value: "1010000", precision: "exact" },
    notes: null,
    composition: [
      { category: "tbills_93d", amountUsd: { value: "810000", precision: "exact" }, sharePct: null },
      { category: "cash_deposits", amountUsd: { value: "200000", precision: "exact" }, sharePct: null },
    ],
    ...overrides,
  };
}
