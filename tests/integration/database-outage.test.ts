// An editor saves while PostgreSQL is unreachable: the answer is a message the
// editor can act on, never a stack trace, and nothing is saved.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { DATABASE_UNAVAILABLE } from "@/lib/server/commands/errors";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";
import { inviteAction } from "@/app/(editor)/editor/(gated)/users/actions";
import { POST as createAttestation } from "@/app/api/editor/attestations/route";

import { makeIssuer, testPrisma } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
const global = globalThis as unknown as { prisma?: PrismaClient };

// Port 1 on the loopback: nothing listens, the connection is refused at once.
const unreachable = () =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/usd1", connectionTimeoutMillis: 2_000 }),
  });
const reachable = () => new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 2 }) });

let editor: { id: string };
let admin: { id: string };
let slug: string;
let issuerId: string;
beforeAll(async () => {
  editor = await makeUser(prisma);
  admin = await makeUser(prisma, { role: "admin" });
  const issuer = await makeIssuer(prisma);
  slug = issuer.slug;
  issuerId = issuer.id;
});
afterEach(async () => {
  await global.prisma?.$disconnect().catch(() => {});
  delete global.prisma;
});
afterAll(() => prisma.$disconnect());

const post = (body: unknown) =>
  createAttestation(
    new Request("http://localhost/api/editor/attestations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({}),
    } as never,
  );

describe("a save while the database is unreachable", () => {
  it("answers 503 with the message, from a route handler", async () => {
    global.prisma = unreachable();
    actAs(editor);
    const res = await post({ input: validAttestation(slug) });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { kind: "unavailable", message: "The database is temporarily unavailable; nothing was saved." },
    });
  });

  it("answers the same when the database goes away between the session check and the write", async () => {
    const live = reachable();
    const dead = unreachable();
    // Reads (the session's user) reach PostgreSQL; the write's transaction does not.
    global.prisma = new Proxy(live, {
      get: (target, prop) => (prop === "$transaction" ? dead.$transaction.bind(dead) : Reflect.get(target, prop, target)),
    });
    actAs(editor);
    const before = await prisma.attestation.count({ where: { issuerId } });
    const res = await post({ input: validAttestation(slug) });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(DATABASE_UNAVAILABLE);
    expect(await prisma.attestation.count({ where: { issuerId } })).toBe(before);
    await dead.$disconnect().catch(() => {});
    await live.$disconnect();
  });

  it("answers the same from a server action", async () => {
    global.prisma = unreachable();
    actAs(admin);
    const form = new FormData();
    form.set("email", "someone@example.org");
    expect(await inviteAction(undefined, form)).toEqual({ ok: false, error: { kind: "unavailable", message: DATABASE_UNAVAILABLE } });
  });

  it("is told apart from other failures", async () => {
    const client = unreachable();
    const err = await client.user.count().catch((e: unknown) => e);
    await client.$disconnect().catch(() => {});
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed on the fields: (`slug`)"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { code: "P2002" }))).toBe(false);
  });
});
