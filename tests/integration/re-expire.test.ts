// A write's cache tags are expired once more a moment after the write (lib/server/replica.ts,
// expireTagsAgainSoon), through the server's own revalidation route: a render that straddled
// the write is dropped. Here the "server" is a plain HTTP listener standing in for that route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

import { expireTagsAgainSoon, RE_EXPIRE_MS } from "@/lib/server/replica";

const saved = { token: process.env.REVALIDATE_TOKEN, port: process.env.PORT };
let server: http.Server | undefined;

afterEach(() => {
  server?.close();
  process.env.REVALIDATE_TOKEN = saved.token;
  process.env.PORT = saved.port;
  if (saved.token === undefined) delete process.env.REVALIDATE_TOKEN;
  if (saved.port === undefined) delete process.env.PORT;
});

async function revalidationRoute() {
  const calls: { tag: string | null; auth: string | undefined; at: number }[] = [];
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "POST" && url.pathname === "/api/internal/revalidate")
      calls.push({ tag: url.searchParams.get("tag"), auth: req.headers.authorization, at: Date.now() });
    res.end("{}");
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  process.env.PORT = String((server.address() as AddressInfo).port);
  return calls;
}

describe("expiring a write's tags again", () => {
  it("asks the revalidation route for each tag once, after the delay, with the server's token", async () => {
    const calls = await revalidationRoute();
    process.env.REVALIDATE_TOKEN = "t0ken";
    const t0 = Date.now();
    expireTagsAgainSoon("test", ["issuer:tether", "attestations", "issuer:tether"]);
    await expect.poll(() => calls.length, { timeout: RE_EXPIRE_MS + 5_000 }).toBe(2);
    expect(calls[0]!.at - t0).toBeGreaterThanOrEqual(RE_EXPIRE_MS - 50);
    expect(calls.map((c) => c.tag).sort()).toEqual(["attestations", "issuer:tether"]);
    expect(calls.every((c) => c.auth === "Bearer t0ken")).toBe(true);
  });

  it("does nothing outside our server (no token) or for a write without tags", async () => {
    const calls = await revalidationRoute();
    delete process.env.REVALIDATE_TOKEN;
    expireTagsAgainSoon("test", ["issuers"]);
    process.env.REVALIDATE_TOKEN = "t0ken";
    expireTagsAgainSoon("test", []);
    await new Promise((r) => setTimeout(r, RE_EXPIRE_MS + 500));
    expect(calls).toEqual([]);
  });
});
