// Sign-in throttling that an attacker cannot turn against the account's owner:
// failures make later attempts wait (growing, capped), but a network that
// signed in to the account within 30 days is not held up by failures from
// elsewhere. A refused attempt writes its line in the attempt log and nothing else.
import { afterAll, describe, expect, it } from "vitest";

import { SignInRefused, signInWithPassword } from "@/lib/server/sign-in/password-sign-in";
import { failureDelayMs, SIGN_IN_LIMITS } from "@/lib/server/sign-in/rate-limit";

import { sql, testPrisma } from "../support/db";
import { makeUser, PASSWORD, pointAppAtRunDatabase } from "../support/editor";

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let counter = 0;
/** A network (client address) no other test uses. */
const network = () => `2001:db8:5eed:${(process.pid % 0xffff).toString(16)}::${(counter += 1).toString(16)}`;

async function attempt(email: string, password: string, ip: string | null): Promise<"ok" | SignInRefused> {
  try {
    await signInWithPassword(email, password, ip);
    return "ok";
  } catch (err) {
    if (err instanceof SignInRefused) return err;
    throw err;
  }
}
const message = (r: "ok" | SignInRefused) => (r === "ok" ? r : r.message);

/** An owner who signed in from `home` earlier today. */
async function ownerAt(home: string) {
  const user = await makeUser(prisma);
  expect(await attempt(user.email, PASSWORD, home)).toBe("ok");
  return user;
}

/** Failures another instance recorded: `count` of them from `ip`, one per `spacingMs`, the last `lastAgoMs` ago. */
async function pastFailures(email: string, ip: string, count: number, spacingMs: number, lastAgoMs = 0) {
  await sql(
    `INSERT INTO sign_in_attempt (email, ip, outcome, at)
     SELECT $1, $2, 'failed', now() - make_interval(secs => ($3::int + g * $4::int) / 1000.0) FROM generate_series(0, $5::int - 1) g`,
    [email, ip, lastAgoMs, spacingMs, count],
  );
}

describe("sign-in throttling", () => {
  it("five wrong passwords from network A make A wait, but not the owner at network B, where they signed in before", async () => {
    const home = network();
    const user = await ownerAt(home);
    const attacker = network();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(message(await attempt(user.email, "wrong password!", attacker)));
    expect(outcomes.slice(0, 4)).toEqual(Array(4).fill("Wrong email or password."));
    expect(outcomes[4]).toMatch(
      /^Wrong email or password\. Too many failed sign-in attempts for this account\. Try again in 30 seconds \(at \d\d:\d\d:\d\d UTC\)\.$/,
    );

    // A itself waits, even with the right password, and is told how long
    const atA = await attempt(user.email, PASSWORD, attacker);
    expect(atA).toBeInstanceOf(SignInRefused);
    expect((atA as SignInRefused).message).toMatch(/^Too many failed sign-in attempts for this account\. Try again in (2\d|30) seconds/);
    expect((atA as SignInRefused).retryAt!.getTime() - Date.now()).toBeGreaterThan(20_000);
    // so does any network the account never signed in from
    expect(message(await attempt(user.email, PASSWORD, network()))).toMatch(/^Too many failed sign-in attempts for this account/);
    expect(message(await attempt(user.email, PASSWORD, null))).toMatch(/^Too many failed sign-in attempts for this account/);
    // the owner at home is not held up
    expect(await attempt(user.email, PASSWORD, home)).toBe("ok");
  });

  it("fifty wrong passwords from A do not stop the owner at B either; A's refused tries do not lengthen its wait", async () => {
    const home = network();
    const user = await ownerAt(home);
    const attacker = network();
    const results: ("ok" | SignInRefused)[] = [];
    for (let i = 0; i < 50; i++) results.push(await attempt(user.email, `wrong password ${i}`, attacker));
    // five passwords were checked; the other 45 tries were refused unchecked, each saying how long to wait
    const rows = await prisma.signInAttempt.groupBy({ by: ["outcome"], where: { email: user.email, ip: attacker }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.outcome, r._count]))).toEqual({ failed: 5, blocked: 45 });
    for (const r of results.slice(5))
      expect(message(r)).toMatch(/^Too many failed sign-in attempts for this account\. Try again in (\d+) seconds/);
    const lastFailure = await prisma.signInAttempt.findFirstOrThrow({
      where: { email: user.email, outcome: "failed" },
      orderBy: { at: "desc" },
    });
    expect((results.at(-1) as SignInRefused).retryAt!.getTime()).toBe(lastFailure.at.getTime() + failureDelayMs(5));
    expect(await attempt(user.email, PASSWORD, home)).toBe("ok");
  });

  it("fifty failures spread over the day (an attacker waiting out each delay) cap A's wait at 5 minutes; the owner at B signs in", async () => {
    const home = network();
    const user = await ownerAt(home);
    const attacker = network();
    await pastFailures(user.email, attacker, 50, 20 * 60_000);
    const atA = (await attempt(user.email, PASSWORD, attacker)) as SignInRefused;
    expect(atA.message).toMatch(/^Too many failed sign-in attempts for this account\. Try again in (4|5) minutes/);
    const lastFailure = await prisma.signInAttempt.findFirstOrThrow({
      where: { email: user.email, outcome: "failed" },
      orderBy: { at: "desc" },
    });
    expect(atA.retryAt!.getTime()).toBe(lastFailure.at.getTime() + SIGN_IN_LIMITS.maxDelayMs);
    expect(await attempt(user.email, PASSWORD, home)).toBe("ok");
  });

  it("grows A's wait with each further failure it makes: 30 s, 1, 2, 4 minutes", async () => {
    const user = await makeUser(prisma);
    const attacker = network();
    for (const [failures, wait] of [
      [5, /30 seconds/],
      [6, /1 minute \(/],
      [7, /2 minutes/],
      [8, /4 minutes/],
      [9, /5 minutes/],
    ] as const) {
      await sql(`DELETE FROM sign_in_attempt WHERE email = $1`, [user.email]);
      await pastFailures(user.email, attacker, failures, 1000);
      expect(message(await attempt(user.email, PASSWORD, attacker))).toMatch(wait);
    }
  });

  it("lets a failure wait out: once the wait after A's last failure has passed, A may try again", async () => {
    const user = await makeUser(prisma);
    const attacker = network();
    await pastFailures(user.email, attacker, 6, 1000, failureDelayMs(6) + 1000);
    expect(await attempt(user.email, PASSWORD, attacker)).toBe("ok");
  });

  it("still makes the owner's own network wait for its own failures", async () => {
    const home = network();
    const user = await ownerAt(home);
    for (let i = 0; i < 5; i++) await attempt(user.email, "wrong password!", home);
    expect(message(await attempt(user.email, PASSWORD, home))).toMatch(/^Too many failed sign-in attempts for this account\. Try again in/);
  });

  it("keeps the per-network limit for a known network", async () => {
    const home = network();
    const user = await ownerAt(home);
    await sql(
      `INSERT INTO sign_in_attempt (email, ip, outcome) SELECT 'x' || g || '@example.org', $1, 'failed' FROM generate_series(1, $2::int) g`,
      [home, SIGN_IN_LIMITS.perIp],
    );
    expect(message(await attempt(user.email, PASSWORD, home))).toMatch(/^Too many failed sign-in attempts from your network/);
  });

  it("counts a network as known for 30 days after its last success, not longer", async () => {
    const user = await makeUser(prisma);
    const [recent, old] = [network(), network()];
    await sql(
      `INSERT INTO sign_in_attempt (email, ip, outcome, at) VALUES ($1, $2, 'succeeded', now() - interval '29 days'), ($1, $3, 'succeeded', now() - interval '31 days')`,
      [user.email, recent, old],
    );
    await pastFailures(user.email, network(), 5, 1000);
    expect(message(await attempt(user.email, PASSWORD, old))).toMatch(/^Too many failed sign-in attempts for this account/);
    expect(await attempt(user.email, PASSWORD, recent)).toBe("ok");
    // successes are kept for a month: the older one was pruned, the recent one is kept
    expect(
      (await sql(`SELECT 1 FROM sign_in_attempt WHERE email = $1 AND ip = $2 AND outcome = 'succeeded'`, [user.email, old])).rowCount,
    ).toBe(0);
    expect(
      (await sql(`SELECT 1 FROM sign_in_attempt WHERE email = $1 AND ip = $2 AND outcome = 'succeeded'`, [user.email, recent])).rowCount,
    ).toBe(2);
  });

  it("writes nothing for a refused attempt but its line in the attempt log", async () => {
    const home = network();
    const user = await ownerAt(home);
    const attacker = network();
    for (let i = 0; i < 5; i++) await attempt(user.email, "wrong password!", attacker);

    const tables = (
      await sql<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (t) => [t, Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n)] as const),
        ),
      );
    const before = await counts();
    const userBefore = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const lastId = (await prisma.signInAttempt.findFirstOrThrow({ orderBy: { id: "desc" } })).id;

    expect(await attempt(user.email, PASSWORD, attacker)).toBeInstanceOf(SignInRefused);

    const after = await counts();
    expect({ ...after, sign_in_attempt: undefined }).toEqual({ ...before, sign_in_attempt: undefined });
    const added = await prisma.signInAttempt.findMany({ where: { id: { gt: lastId } } });
    expect(added.map((a) => ({ email: a.email, ip: a.ip, outcome: a.outcome }))).toEqual([
      { email: user.email, ip: attacker, outcome: "blocked" },
    ]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(userBefore);
  });
});
