// The suggestion form's signed stamp works once: the hash of a used stamp is
// kept in PostgreSQL until the stamp expires, claimed in the same transaction
// that stores the suggestion, so a replay (even a parallel one) is refused and
// a refused submission leaves its stamp usable.
import pg from "pg";
import { afterAll, describe, expect, inject, it, vi } from "vitest";

import { REMOTE_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { CommandError } from "@/lib/server/commands/errors";
import { submitSuggestion, SUGGESTION_LIMIT } from "@/lib/server/commands/suggestions";
import { checkFormStamp, FORM_TIMING, issueFormStamp, sha256 } from "@/lib/server/suggestions/tokens";
import { POST } from "@/app/[locale]/issuers/[slug]/suggest/submit/route";

import { makeIssuer, sql, testPrisma, unique } from "../support/db";
import { pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const fields = (stamp: string, overrides: Record<string, string> = {}) => ({
  stamp,
  website: "",
  field: "other",
  figure: "Reserves",
  proposedValue: "x",
  sourceUrl: "https://example.org/a",
  reportId: "",
  ...overrides,
});
const ip = () => unique("stamp-test-ip");
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof CommandError) return err;
    throw err;
  }
  throw new Error("expected the command to be refused");
};
const stampRow = (stamp: string) => prisma.formStamp.findUnique({ where: { hash: sha256(`form-stamp:${stamp}`) } });
const REPLAY =
  /^This form was already sent, and each form is taken once; nothing was saved this time\. To send another suggestion, reload the page\.$/;

describe("single-use form stamps", () => {
  it("takes a stamp once and refuses it again, storing nothing the second time", async () => {
    const issuer = await makeIssuer(prisma);
    const issuedAt = Date.now() - 10_000;
    const stamp = issueFormStamp(issuedAt);
    await submitSuggestion(issuer.slug, fields(stamp), { ip: ip() });
    const row = await stampRow(stamp);
    expect(row?.expiresAt.getTime()).toBe(issuedAt + FORM_TIMING.maxMs);

    // from another network, with other contents: still the same stamp
    const again = await refusal(submitSuggestion(issuer.slug, fields(stamp, { proposedValue: "y" }), { ip: ip() }));
    expect(again.kind).toBe("conflict");
    expect(again.status).toBe(409);
    expect(again.message).toMatch(REPLAY);
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(1);
    expect(await prisma.formStamp.count({ where: { hash: sha256(`form-stamp:${stamp}`) } })).toBe(1);
  });

  it("answers a replayed form post with the refusal page", async () => {
    const issuer = await makeIssuer(prisma);
    const stamp = issueFormStamp(Date.now() - 5000);
    const post = () =>
      POST(
        new Request(`http://localhost/en/issuers/${issuer.slug}/suggest/submit`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            [REMOTE_ADDRESS_HEADER]: `2001:db8:57a:${(Date.now() % 0xffff).toString(16)}::1`,
          },
          body: new URLSearchParams(fields(stamp)).toString(),
        }),
        { params: Promise.resolve({ locale: "en", slug: issuer.slug }) },
      );
    expect((await post()).status).toBe(303);
    const replay = await post();
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain("This form was already sent, and each form is taken once; nothing was saved this time.");
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(1);
  });

  it("lets exactly one of many parallel submissions of one stamp through", async () => {
    const issuer = await makeIssuer(prisma);
    const stamp = issueFormStamp(Date.now() - 10_000);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => submitSuggestion(issuer.slug, fields(stamp), { ip: ip() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as CommandError);
    expect(refused).toHaveLength(7);
    for (const err of refused) expect(err.message).toMatch(REPLAY);
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(1);
  });

  it("waits for another transaction's claim of the same stamp, then follows its outcome (not a check-then-insert race)", async () => {
    const issuer = await makeIssuer(prisma);
    for (const outcome of ["COMMIT", "ROLLBACK"] as const) {
      const stamp = issueFormStamp(Date.now() - 10_000);
      // Another submission of this stamp, mid-transaction: its claim is written, not yet committed.
      const other = new pg.Client({ connectionString: inject("databaseUrl") });
      await other.connect();
      try {
        const otherPid = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
        await other.query("BEGIN");
        await other.query(`INSERT INTO form_stamp (hash, expires_at) VALUES ($1, now() + interval '1 hour')`, [
          sha256(`form-stamp:${stamp}`),
        ]);
        const pending = submitSuggestion(issuer.slug, fields(stamp), { ip: ip() }).then(
          () => "stored" as const,
          (err: unknown) => err,
        );
        // The app's claim must wait on that row rather than read past it.
        for (let i = 0; ; i++) {
          const waiting = await sql(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%form_stamp%' AND pid <> $1`,
            [otherPid],
          );
          if (waiting.rowCount) break;
          if (i > 200) throw new Error("the app's claim never waited for the concurrent one");
          await new Promise((r) => setTimeout(r, 10));
        }
        await other.query(outcome);
        const result = await pending;
        if (outcome === "COMMIT") {
          expect(result).toBeInstanceOf(CommandError);
          expect((result as CommandError).message).toMatch(REPLAY);
        } else expect(result).toBe("stored");
      } finally {
        await other.end();
      }
    }
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(1);
  });

  it("leaves the stamp of a refused submission usable: a refusal stores nothing, its claim included", async () => {
    const issuer = await makeIssuer(prisma);
    const busy = ip();
    for (let i = 0; i < SUGGESTION_LIMIT.perIp; i++)
      await submitSuggestion(issuer.slug, fields(issueFormStamp(Date.now() - 10_000)), { ip: busy });
    const stamp = issueFormStamp(Date.now() - 10_000);
    expect((await refusal(submitSuggestion(issuer.slug, fields(stamp), { ip: busy }))).kind).toBe("rate_limited");
    expect((await refusal(submitSuggestion(issuer.slug, fields(stamp, { reportId: "no-such-report" }), { ip: ip() }))).kind).toBe(
      "not_found",
    );
    expect((await refusal(submitSuggestion("no-such-issuer", fields(stamp), { ip: ip() }))).kind).toBe("not_found");
    expect(await stampRow(stamp)).toBeNull();
    await submitSuggestion(issuer.slug, fields(stamp), { ip: ip() });
    expect(await stampRow(stamp)).not.toBeNull();
  });

  it("deletes the rows of expired stamps on the way, and keeps the others", async () => {
    const issuer = await makeIssuer(prisma);
    const [expired, live] = [sha256(unique("expired")), sha256(unique("live"))];
    await sql(`INSERT INTO form_stamp (hash, expires_at) VALUES ($1, now() - interval '1 minute'), ($2, now() + interval '1 hour')`, [
      expired,
      live,
    ]);
    await submitSuggestion(issuer.slug, fields(issueFormStamp(Date.now() - 10_000)), { ip: ip() });
    expect(await prisma.formStamp.findUnique({ where: { hash: expired } })).toBeNull();
    expect(await prisma.formStamp.findUnique({ where: { hash: live } })).not.toBeNull();
    expect(await prisma.formStamp.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
  });

  it("gives two forms opened in the same millisecond different stamps, each good once", async () => {
    const issuer = await makeIssuer(prisma);
    const at = Date.now() - 10_000;
    const [a, b] = [issueFormStamp(at), issueFormStamp(at)];
    expect(a).not.toBe(b);
    expect([checkFormStamp(a), checkFormStamp(b)]).toEqual(["ok", "ok"]);
    await submitSuggestion(issuer.slug, fields(a), { ip: ip() });
    await submitSuggestion(issuer.slug, fields(b), { ip: ip() });
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(2);
  });

  it("refuses a stamp whose random part was changed (it is signed too)", () => {
    const [ms, , mac] = issueFormStamp(Date.now() - 10_000).split(".");
    expect(checkFormStamp(`${ms}.AAAAAAAAAAAAAAAA.${mac}`)).toBe("invalid");
    expect(checkFormStamp(`${ms}.${mac}`)).toBe("invalid");
  });
});
