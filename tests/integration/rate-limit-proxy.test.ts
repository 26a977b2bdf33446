// The per-network limits (sign-in, the reader-suggestion form) against a
// client that writes a new X-Forwarded-For on every request. Requests enter as
// they do in production: our server (scripts/server.ts) has put the socket's
// address in REMOTE_ADDRESS_HEADER; the suggestion form through its route
// handler, sign-in through next-auth's credentials provider as configured in
// lib/server/auth.ts. TRUST_PROXY is read once per process (lib/server/env.ts),
// so each setting gets freshly loaded modules, as a restarted server would.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { REMOTE_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { SUGGESTION_LIMIT } from "@/lib/server/commands/suggestions";
import { SIGN_IN_LIMITS } from "@/lib/server/sign-in/rate-limit";
import { issueFormStamp, sha256 } from "@/lib/server/suggestions/tokens";

import { makeIssuer, testPrisma, unique } from "../support/db";
import { makeUser, PASSWORD, pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
const savedTrustProxy = process.env.TRUST_PROXY;
afterAll(async () => {
  if (savedTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = savedTrustProxy;
  await prisma.$disconnect();
});

/** A documentation-range IPv6 address no other test uses. */
const address = () =>
  `2001:db8:${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}::${randomInt(1, 0xffff).toString(16)}`;
/** What a spoofing client puts in X-Forwarded-For: different every time. */
const spoofed = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}, ${address()}`;

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string>; body: object; query: object; method: string },
) => Promise<unknown>;

/** The app's modules as a server started with this TRUST_PROXY would load them. */
async function appWith(trustProxy: string | undefined) {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  vi.resetModules();
  const { POST } = await import("@/app/[locale]/issuers/[slug]/suggest/submit/route");
  const { authOptions } = await import("@/lib/server/auth");
  const credentials = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };

  /** Headers as they reach the app: our server's socket header, and whatever X-Forwarded-For arrived. */
  const headers = (socket: string, forwardedFor: string) => ({ [REMOTE_ADDRESS_HEADER]: socket, "x-forwarded-for": forwardedFor });

  return {
    async suggest(slug: string, socket: string, forwardedFor: string): Promise<Response> {
      const body = {
        stamp: issueFormStamp(Date.now() - 5000),
        website: "",
        field: "other",
        figure: "Reserves",
        proposedValue: "x",
        sourceUrl: "https://example.org/a",
      };
      return POST(
        new Request(`http://localhost/en/issuers/${slug}/suggest/submit`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers(socket, forwardedFor) },
          body: new URLSearchParams(body).toString(),
        }),
        { params: Promise.resolve({ locale: "en", slug }) },
      );
    },
    /** "ok", or the message the sign-in page would show. */
    async signIn(email: string, password: string, socket: string, forwardedFor: string): Promise<string> {
      try {
        await credentials.options.authorize(
          { email, password },
          { headers: headers(socket, forwardedFor), body: {}, query: {}, method: "POST" },
        );
        return "ok";
      } catch (err) {
        return (err as Error).message;
      }
    },
  };
}

const nobody = () => `${unique("nobody")}@example.org`;
const refusalText = async (res: Response) => /data-testid="suggestion-refused">([^<]*)</.exec(await res.text())?.[1] ?? "";

describe("without TRUST_PROXY, a made-up X-Forwarded-For changes nothing", () => {
  let app: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    app = await appWith(undefined);
  });

  it("holds the per-network sign-in limit when every attempt carries a different X-Forwarded-For", async () => {
    const socket = address();
    const outcomes: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) outcomes.push(await app.signIn(nobody(), "guess guess guess", socket, spoofed()));
    expect(outcomes.slice(0, -1)).toEqual(Array(SIGN_IN_LIMITS.perIp - 1).fill("Wrong email or password."));
    expect(outcomes.at(-1)).toMatch(/^Wrong email or password\. Too many failed sign-in attempts from your network\./);
    const user = await makeUser(prisma);
    expect(await app.signIn(user.email, PASSWORD, socket, spoofed())).toMatch(
      /^Too many failed sign-in attempts from your network\. Try again in (14|15) minutes/,
    );
    // every attempt was counted against the socket's address, none against a header's
    const ips = await prisma.signInAttempt.findMany({ where: { OR: [{ ip: socket }, { email: user.email }] }, select: { ip: true } });
    expect(new Set(ips.map((r) => r.ip))).toEqual(new Set([socket]));
    expect(ips).toHaveLength(SIGN_IN_LIMITS.perIp + 1);
    // another connection is not affected
    expect(await app.signIn(user.email, PASSWORD, address(), spoofed())).toBe("ok");
  });

  it("does not let a header claim the owner's known network to escape the account's wait", async () => {
    const user = await makeUser(prisma);
    const home = address();
    expect(await app.signIn(user.email, PASSWORD, home, spoofed())).toBe("ok");
    const attacker = address();
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) await app.signIn(user.email, "wrong password!", attacker, `${home}, ${home}`);
    expect(await app.signIn(user.email, PASSWORD, attacker, home)).toMatch(
      /^Too many failed sign-in attempts for this account\. Try again in/,
    );
    expect(await app.signIn(user.email, PASSWORD, home, spoofed())).toBe("ok");
  });

  it("holds the suggestion limit when every post carries a different X-Forwarded-For", async () => {
    const issuer = await makeIssuer(prisma);
    const socket = address();
    for (let i = 0; i < SUGGESTION_LIMIT.perIp; i++) expect((await app.suggest(issuer.slug, socket, spoofed())).status).toBe(303);
    const sixth = await app.suggest(issuer.slug, socket, spoofed());
    expect(sixth.status).toBe(429);
    expect(await refusalText(sixth)).toMatch(/^Too many suggestions from your network: at most 5 an hour\. Nothing was saved/);
    const stored = await prisma.correctionSuggestion.findMany({ where: { issuerId: issuer.id }, select: { ipHash: true } });
    expect(stored.map((s) => s.ipHash)).toEqual(Array(SUGGESTION_LIMIT.perIp).fill(sha256(`suggestion-ip:${socket}`)));
    expect((await app.suggest(issuer.slug, address(), spoofed())).status).toBe(303);
  });
});

describe("with TRUST_PROXY=1, the address our proxy saw counts", () => {
  const proxy = "10.0.0.2";
  let app: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    app = await appWith("1");
  });

  it("limits sign-in per client behind the proxy, whatever the client wrote before the proxy's entry", async () => {
    const client = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await app.signIn(nobody(), "guess guess guess", proxy, `${spoofed()}, ${client}`);
    const user = await makeUser(prisma);
    expect(await app.signIn(user.email, PASSWORD, proxy, `${spoofed()}, ${client}`)).toMatch(
      /^Too many failed sign-in attempts from your network/,
    );
    expect(await prisma.signInAttempt.count({ where: { ip: client } })).toBe(SIGN_IN_LIMITS.perIp + 1);
    // another client through the same proxy is its own network
    expect(await app.signIn(user.email, PASSWORD, proxy, `${spoofed()}, ${address()}`)).toBe("ok");
  });

  it("limits suggestions per client behind the proxy", async () => {
    const issuer = await makeIssuer(prisma);
    const client = address();
    for (let i = 0; i < SUGGESTION_LIMIT.perIp; i++)
      expect((await app.suggest(issuer.slug, proxy, `${spoofed()}, ${client}`)).status).toBe(303);
    expect((await app.suggest(issuer.slug, proxy, `${spoofed()}, ${client}`)).status).toBe(429);
    expect((await app.suggest(issuer.slug, proxy, client)).status).toBe(429);
    expect((await app.suggest(issuer.slug, proxy, `${client}, ${address()}`)).status).toBe(303);
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id, ipHash: sha256(`suggestion-ip:${client}`) } })).toBe(
      SUGGESTION_LIMIT.perIp,
    );
  });
});

describe("with TRUST_PROXY listing the proxies", () => {
  let app: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    app = await appWith("10.0.0.2, 10.0.0.3");
  });

  it("walks X-Forwarded-For past the listed proxies to the client, ignoring what the client wrote", async () => {
    const issuer = await makeIssuer(prisma);
    const client = address();
    for (let i = 0; i < SUGGESTION_LIMIT.perIp; i++) {
      expect((await app.suggest(issuer.slug, "::ffff:10.0.0.2", `${spoofed()}, 10.0.0.3, ${client}, 10.0.0.3`)).status).toBe(303);
    }
    expect((await app.suggest(issuer.slug, "10.0.0.2", `${spoofed()}, ${client}`)).status).toBe(429);
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id, ipHash: sha256(`suggestion-ip:${client}`) } })).toBe(
      SUGGESTION_LIMIT.perIp,
    );
  });

  it("believes no X-Forwarded-For from a connection that is not a listed proxy", async () => {
    const user = await makeUser(prisma);
    const socket = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await app.signIn(nobody(), "guess guess guess", socket, `${address()}, 10.0.0.3`);
    expect(await app.signIn(user.email, PASSWORD, socket, `${address()}, 10.0.0.3`)).toMatch(
      /^Too many failed sign-in attempts from your network/,
    );
    expect(await prisma.signInAttempt.count({ where: { ip: socket } })).toBe(SIGN_IN_LIMITS.perIp + 1);
  });
});
