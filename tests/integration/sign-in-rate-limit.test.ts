// Sign-in attempts are limited per account and per IP, in PostgreSQL (so the
// limit holds across instances), with a message that says when to try again.
import { afterAll, describe, expect, it } from "vitest";

import { SignInRefused, signInWithPassword } from "@/lib/server/sign-in/password-sign-in";
import { SIGN_IN_LIMITS } from "@/lib/server/sign-in/rate-limit";

import { sql, testPrisma, unique } from "../support/db";
import { makeUser, PASSWORD, pointAppAtRunDatabase } from "../support/editor";

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let ipCounter = 0;
const freshIp = () => `192.0.2.${(ipCounter += 1)}`;

async function attempt(email: string, password: string, ip: string | null): Promise<"ok" | string> {
  try {
    await signInWithPassword(email, password, ip);
    return "ok";
  } catch (err) {
    if (err instanceof SignInRefused) return err.message;
    throw err;
  }
}

describe("sign-in rate limiting", () => {
  it("blocks an account after 5 failures, even with the right password, saying when to retry", async () => {
    const user = await makeUser(prisma);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await attempt(user.email, "wrong password!", freshIp()));
    expect(outcomes.slice(0, 4)).toEqual(Array(4).fill("Wrong email or password."));
    // the fifth failure already says the account now waits (the first wait: 30 s after the last failure)
    expect(outcomes[4]).toMatch(
      /^Wrong email or password\. Too many failed sign-in attempts for this account\. Try again in 30 seconds \(at \d\d:\d\d:\d\d UTC\)\.$/,
    );

    const last = await prisma.signInAttempt.findFirstOrThrow({ where: { email: user.email }, orderBy: { at: "desc" } });
    let refused: SignInRefused | undefined;
    try {
      await signInWithPassword(user.email, PASSWORD, freshIp());
    } catch (err) {
      refused = err as SignInRefused;
    }
    expect(refused).toBeInstanceOf(SignInRefused);
    expect(refused!.message).toMatch(/^Too many failed sign-in attempts for this account\. Try again in (2\d|30) seconds/);
    expect(Math.abs(refused!.retryAt!.getTime() - (last.at.getTime() + SIGN_IN_LIMITS.firstDelayMs))).toBeLessThan(1000);
    const rows = await prisma.signInAttempt.groupBy({ by: ["outcome"], where: { email: user.email }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.outcome, r._count]))).toEqual({ failed: 5, blocked: 1 });
  });

  it("opens the account again once its failures leave the window", async () => {
    const user = await makeUser(prisma);
    await sql(
      `INSERT INTO sign_in_attempt (email, ip, outcome, at) SELECT $1, '192.0.2.250', 'failed', now() - interval '16 minutes' FROM generate_series(1, 5)`,
      [user.email],
    );
    expect(await attempt(user.email, PASSWORD, freshIp())).toBe("ok");
  });

  it("counts attempts recorded by any instance (they share the database)", async () => {
    const user = await makeUser(prisma);
    // five failures written by "another instance": straight into the table
    await sql(`INSERT INTO sign_in_attempt (email, ip, outcome) SELECT $1, '192.0.2.251', 'failed' FROM generate_series(1, 5)`, [
      user.email,
    ]);
    expect(await attempt(user.email, PASSWORD, freshIp())).toMatch(/Too many failed sign-in attempts for this account/);
  });

  it("clears an account's count on success", async () => {
    const user = await makeUser(prisma);
    for (let i = 0; i < 4; i++) await attempt(user.email, "nope nope nope", freshIp());
    expect(await attempt(user.email, PASSWORD, freshIp())).toBe("ok");
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "nope nope nope", freshIp())).toBe("Wrong email or password.");
    expect(await attempt(user.email, PASSWORD, freshIp())).toBe("ok");
  });

  it("limits one IP address trying many accounts, including accounts that do not exist", async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await attempt(`${unique("nobody")}@example.org`, "guess guess guess", ip);
    const user = await makeUser(prisma);
    expect(await attempt(user.email, PASSWORD, ip)).toMatch(
      /^Too many failed sign-in attempts from your network\. Try again in (14|15) minutes/,
    );
    // the same account from elsewhere is fine
    expect(await attempt(user.email, PASSWORD, freshIp())).toBe("ok");
  });

  it("holds under parallel guessing: never more than 5 passwords checked per window", async () => {
    const user = await makeUser(prisma);
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, "parallel guess!", freshIp())));
    expect(results.every((r) => r !== "ok")).toBe(true);
    const rows = await prisma.signInAttempt.groupBy({ by: ["outcome"], where: { email: user.email }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.outcome, r._count]))).toEqual({ failed: 5, blocked: 7 });
  });

  it("keeps attempts for a day only", async () => {
    const old = await sql<{ id: string }>(
      `INSERT INTO sign_in_attempt (email, ip, outcome, at) VALUES ('old@example.org', '192.0.2.252', 'failed', now() - interval '25 hours') RETURNING id`,
    );
    await attempt(`${unique("any")}@example.org`, "whatever whatever", freshIp());
    expect((await sql(`SELECT 1 FROM sign_in_attempt WHERE id = $1`, [old.rows[0]!.id])).rowCount).toBe(0);
  });
});
