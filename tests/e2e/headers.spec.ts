import { createHash } from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import { expect, test, type APIResponse } from "@playwright/test";

// Security headers over every route family, against the app playwright.config.ts
// starts (scripts/server.ts adds each HTML response's CSP; next.config.ts the
// static headers; proxy.ts the editor's nonce policy).
const FAMILIES: Record<string, string[]> = {
  public: ["/en", "/es/issuers/tether", "/pt/methodology", "/es/learn/transparency", "/pt/learn/checklist/tether"],
  // /editor without a session: the proxy's 307 to the sign-in page.
  editor: ["/editor/sign-in", "/editor"],
  api: ["/api/v1/issuers", "/api/health"],
  embed: ["/embed/issuers/tether/coverage"],
  feeds: ["/feeds/attestations.xml"],
  data: ["/data/issuers.csv"],
  charts: ["/charts/issuers/tether/coverage.svg?v=x", "/charts/compare/coverage.svg?issuers=tether,circle&issuer=tether"],
};
const ALL = Object.entries(FAMILIES).flatMap(([family, urls]) => urls.map((url) => ({ family, url })));

type Policy = Map<string, string[]>;

function parsePolicy(header: string | undefined): Policy | undefined {
  if (!header) return undefined;
  const directives = header
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]);
  return new Map(directives.map(([name, ...values]) => [name!.toLowerCase(), values]));
}

/** What governs scripts: script-src, or default-src when there is none. */
const scriptSources = (policy: Policy) => policy.get("script-src") ?? policy.get("default-src") ?? [];

interface InlineScript {
  attrs: string;
  body: string;
}

function scripts(html: string): InlineScript[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1] ?? "", body: m[2] ?? "" }));
}

/** Inline scripts a browser would run: no src, and no data-block type (JSON is never executed). */
function executableInline(html: string): InlineScript[] {
  return scripts(html).filter(({ attrs }) => {
    if (/\bsrc\s*=/i.test(attrs)) return false;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    return !type || type === "module" || /^(text|application)\/(javascript|ecmascript)$/.test(type);
  });
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

async function fetchRoute(
  request: import("@playwright/test").APIRequestContext,
  url: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const res = await request.get(url, { maxRedirects: 0, headers });
  expect(res.status(), url).toBe(url === "/editor" ? 307 : 200);
  return res;
}

test.describe("security headers", () => {
  for (const { family, url } of ALL) {
    test(`${family} ${url}: nosniff, referrer and permissions policies, framing rules, no HSTS over plain HTTP`, async ({ request }) => {
      const res = await fetchRoute(request, url);
      const h = res.headers();
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toMatch(/camera=\(\)/);
      expect(h["permissions-policy"]).toMatch(/geolocation=\(\)/);
      expect(h["strict-transport-security"]).toBeUndefined();
      const policy = parsePolicy(h["content-security-policy"]);
      if (family === "embed") {
        // Embeds exist to be framed by any site.
        expect(h["x-frame-options"]).toBeUndefined();
        expect(policy?.get("frame-ancestors")).toEqual(["*"]);
      } else {
        expect(h["x-frame-options"]).toBe("DENY");
        // A policy that names frame ancestors names none (an SVG's own policy may leave it to X-Frame-Options).
        if (policy?.has("frame-ancestors") || (h["content-type"] ?? "").startsWith("text/html"))
          expect(policy?.get("frame-ancestors")).toEqual(["'none'"]);
      }
      if (url === "/editor") expect(h["location"]).toMatch(/^\/editor\/sign-in\?callbackUrl=/);
    });
  }

  test("every HTML response has a CSP whose scripts allow nothing inline but what it names: hashes on public pages, a nonce in the editor", async ({
    request,
  }) => {
    let htmlResponses = 0;
    for (const { family, url } of ALL) {
      const res = await fetchRoute(request, url);
      if (!(res.headers()["content-type"] ?? "").startsWith("text/html")) continue;
      htmlResponses += 1;
      const policy = parsePolicy(res.headers()["content-security-policy"]);
      expect(policy, `${url} has a Content-Security-Policy`).toBeDefined();
      const sources = scriptSources(policy!);
      expect(sources, url).not.toContain("'unsafe-inline'");
      expect(sources, url).not.toContain("'unsafe-eval'");
      const html = await res.text();
      const inline = executableInline(html);

      if (family === "public") {
        expect(inline.length, `${url} has inline scripts to check`).toBeGreaterThan(0);
        for (const s of inline) expect(sources, `${url}: ${s.body.slice(0, 60)}`).toContain(sha256(s.body));
        expect(
          sources.some((s) => s.startsWith("'nonce-")),
          url,
        ).toBe(false);
      } else if (family === "editor") {
        const nonces = sources.filter((s) => s.startsWith("'nonce-"));
        expect(nonces, url).toHaveLength(1);
        const nonce = nonces[0]!.slice("'nonce-".length, -1);
        const all = scripts(html);
        expect(all.length).toBeGreaterThan(0);
        for (const s of all) expect(s.attrs, `${url}: every script carries the nonce`).toContain(`nonce="${nonce}"`);
      } else if (family === "embed") {
        // Nothing runs in an embed: no script may be allowed, and none is sent.
        expect(sources).toEqual(["'none'"]);
        expect(scripts(html)).toEqual([]);
      }
    }
    expect(htmlResponses).toBe(FAMILIES.public!.length + FAMILIES.editor!.length + FAMILIES.embed!.length - 1);
  });

  test("HSTS is sent when the request arrived over HTTPS (x-forwarded-proto), on every route family", async ({ request }) => {
    for (const { url } of ALL) {
      const res = await fetchRoute(request, url, { "x-forwarded-proto": "https" });
      const hsts = res.headers()["strict-transport-security"];
      expect(hsts, url).toMatch(/max-age=\d+/);
      expect(Number(/max-age=(\d+)/.exec(hsts!)![1]), url).toBeGreaterThanOrEqual(31_536_000);
    }
  });
});

/** A GET as a browser sends it, without any client-side decompression: the bytes and headers as sent. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

test("a page is sent compressed in the best encoding the client takes, and decodes to the page its policy describes", async ({
  baseURL,
}) => {
  for (const [accept, encoding] of [
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["identity", undefined],
  ] as const) {
    const res = await rawGet(`${baseURL}/en/issuers/tether`, { accept: "text/html,*/*;q=0.8", "accept-encoding": accept });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"], accept).toBe(encoding);
    expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
    expect(Number(res.headers["content-length"]), accept).toBe(res.body.length);
    const html = (
      encoding === "br" ? zlib.brotliDecompressSync(res.body) : encoding === "gzip" ? zlib.gunzipSync(res.body) : res.body
    ).toString("utf8");
    expect(html).toContain("</html>");
    const sources = scriptSources(parsePolicy(res.headers["content-security-policy"] as string)!);
    for (const s of executableInline(html)) expect(sources).toContain(sha256(s.body));
  }
  // The same version twice: the same bytes (compressed once, then served from the memo).
  const again = [
    await rawGet(`${baseURL}/en/issuers/tether`, { accept: "text/html", "accept-encoding": "br" }),
    await rawGet(`${baseURL}/en/issuers/tether`, { accept: "text/html", "accept-encoding": "br" }),
  ];
  expect(again[0]!.headers.etag).toBe(again[1]!.headers.etag);
  expect(again[0]!.body.equals(again[1]!.body)).toBe(true);
});

test("a 304 on reload carries the page's own policy, never one that would block its scripts", async ({ baseURL }) => {
  const first = await rawGet(`${baseURL}/en/issuers/tether`, { accept: "text/html", "accept-encoding": "br" });
  const etag = first.headers.etag as string;
  expect(etag).toBeTruthy();
  const again = await rawGet(`${baseURL}/en/issuers/tether`, { accept: "text/html", "accept-encoding": "br", "if-none-match": etag });
  expect(again.status).toBe(304);
  // The browser replaces the stored headers with a 304's: the same policy, or none at all.
  const policy = again.headers["content-security-policy"];
  if (policy !== undefined) expect(policy).toBe(first.headers["content-security-policy"]);
});

test.describe("the policy in the browser", () => {
  test("home and issuer pages load with zero CSP violations, hydrate, and an injected inline script is refused", async ({ page }) => {
    const consoleMessages: string[] = [];
    page.on("console", (m) => {
      if (/content security policy|refused to (execute|load|apply|connect)/i.test(m.text())) consoleMessages.push(m.text());
    });
    // Runs before any page script (through the DevTools protocol, not subject to the page's CSP).
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

    await page.goto("/");
    await page.getByRole("button", { name: /^Coverage/ }).click();
    // The table sorts in the browser: only hydrated React handles the click.
    await expect(page).toHaveURL(/sort=coverage/);
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText("Coverage");
    expect(await violations()).toEqual([]);

    await page.goto("/issuers/tether");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tether");
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    expect(consoleMessages).toEqual([]);

    // The policy is enforced, not just sent: a script injected into the page does not run.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.append(s);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });
});
