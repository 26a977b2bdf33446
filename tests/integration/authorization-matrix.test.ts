// The authorization matrix. It DISCOVERS every route handler (app/**/route.ts
// exporting POST, PUT, PATCH or DELETE) and every server action (the exported
// functions of "use server" modules), then calls each directly, with the
// session set at the outer edge (lib/server/auth.ts), as anonymous, editor and
// admin. Each must refuse an anonymous caller and, when lib/server/access-policy.ts
// lists it as admin-only, an editor. A new endpoint is covered without editing
// this file. Calls carry empty input, so the ones let through stop at validation
// and nothing is written (checked at the end).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { ADMIN_ONLY, PUBLIC_WRITES } from "@/lib/server/access-policy";

import { sql, testPrisma } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase } from "../support/editor";

// Expiring cache tags needs Next's request scope; nothing here should get that far anyway.
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const root = path.resolve(__dirname, "..", "..");
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
/** "app/api/(x)/foo/[id]/route.ts" → "/api/foo/[id]" */
const routeOf = (file: string) =>
  "/" +
  rel(file)
    .replace(/^app\//, "")
    .replace(/\/?route\.tsx?$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

type Outcome = { status: number; kind?: string };
interface Endpoint {
  key: string;
  call: () => Promise<Outcome>;
}

async function discover(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  const files = [...walk(path.join(root, "app")), ...walk(path.join(root, "components")), ...walk(path.join(root, "lib"))];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    if (/[\\/]route\.tsx?$/.test(file) && rel(file).startsWith("app/")) {
      // Only modules that mention a write method are imported (GET-only routes may import heavy modules).
      if (!WRITE_METHODS.some((m) => new RegExp(`\\b${m}\\b`).test(source))) continue;
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const route = routeOf(file);
      const params = Object.fromEntries(
        [...route.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => [
          m[1]!,
          route.includes(`[...${m[1]}]`) ? ["matrix"] : "matrix-does-not-exist",
        ]),
      );
      for (const method of WRITE_METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        endpoints.push({
          key: `${method} ${route}`,
          call: async () => {
            const req = new Request(`http://localhost${route}`, {
              method,
              headers: { "content-type": "application/json", "content-length": "2" },
              body: "{}",
            });
            const res = (await handler(req, { params: Promise.resolve(params) })) as Response;
            const body = (await res.json().catch(() => null)) as { error?: { kind?: string } } | null;
            return { status: res.status, kind: body?.error?.kind };
          },
        });
      }
    } else if (USE_SERVER.test(source)) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        endpoints.push({
          key: `${rel(file)}#${name}`,
          call: async () => {
            try {
              const result = (await fn(undefined, new FormData())) as { ok?: boolean; error?: { kind?: string } } | undefined;
              if (result && result.ok === false) return { status: statusOf(result.error?.kind), kind: result.error?.kind };
              return { status: 200 };
            } catch (err) {
              const e = err as { status?: number; kind?: string };
              return { status: e.status ?? 500, kind: e.kind ?? "thrown" };
            }
          },
        });
      }
    }
  }
  return endpoints;
}

const statusOf = (kind: string | undefined) =>
  ({ unauthenticated: 401, forbidden: 403, validation: 400, not_found: 404, state: 409 })[kind ?? ""] ?? 500;
const refusedAsAnonymous = (o: Outcome) => o.status === 401 || o.kind === "unauthenticated";
const refusedAsForbidden = (o: Outcome) => o.status === 403 || o.kind === "forbidden";
const allowedThrough = (o: Outcome) => !refusedAsAnonymous(o) && !refusedAsForbidden(o) && o.status !== 500;

let endpoints: Endpoint[] = [];
let editor: { id: string };
let admin: { id: string };
let auditBefore = 0;
beforeAll(async () => {
  endpoints = await discover();
  editor = await makeUser(prisma, { role: "editor" });
  admin = await makeUser(prisma, { role: "admin" });
  auditBefore = Number((await sql<{ n: string }>("SELECT count(*) AS n FROM audit_entry")).rows[0]!.n);
}, 60_000);

describe("the authorization matrix", () => {
  it("finds the editor's write endpoints (discovery works)", () => {
    const keys = endpoints.map((e) => e.key);
    for (const expected of [
      "POST /api/editor/attestations",
      "PUT /api/editor/attestations/[id]",
      "POST /api/editor/attestations/[id]/publish",
      "POST /api/editor/attestations/[id]/correct",
      "POST /api/editor/issuers",
      "PUT /api/editor/issuers/[id]",
      "POST /api/editor/stress-events",
      "PUT /api/editor/stress-events/[id]",
      "POST /api/editor/uploads",
      // live sources and stress drafts (issue 19)
      "POST /api/editor/live-sources/[kind]",
      "PUT /api/editor/live-sources/[kind]/[id]",
      "POST /api/editor/live-sources/[kind]/[id]/disable",
      "POST /api/editor/live-sources/[kind]/[id]/enable",
      "POST /api/editor/live-sources/readings/[id]/draft-report",
      "POST /api/editor/stress-drafts/[id]/dismiss",
      "POST /api/editor/stress-drafts/[id]/record",
      "app/(editor)/editor/(gated)/attestations/[id]/actions.ts#retractAction",
      "app/(editor)/editor/(gated)/users/actions.ts#inviteAction",
    ]) {
      expect(keys).toContain(expected);
    }
    // every entry of the policy names something that exists
    for (const key of [...ADMIN_ONLY, ...Object.keys(PUBLIC_WRITES)]) expect(keys, `stale policy entry ${key}`).toContain(key);
  });

  it("refuses an anonymous caller at every write endpoint not declared public", async () => {
    actAs(null);
    const failures: string[] = [];
    for (const e of endpoints) {
      const declared = PUBLIC_WRITES[e.key];
      if (declared && !declared.invoke) continue;
      const o = await e.call();
      if (declared) {
        // public for a reason, but still refused without its token
        if (declared.invoke && o.status < 400 && o.kind === undefined)
          failures.push(`${e.key}: public, yet accepted an empty anonymous request (${o.status})`);
      } else if (!refusedAsAnonymous(o)) failures.push(`${e.key}: answered ${o.status} ${o.kind ?? ""} to an anonymous caller`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses an editor where an admin is required, and lets an editor through elsewhere", async () => {
    actAs(editor);
    const failures: string[] = [];
    for (const e of endpoints) {
      if (PUBLIC_WRITES[e.key]) continue;
      const o = await e.call();
      if (ADMIN_ONLY.has(e.key) && !refusedAsForbidden(o))
        failures.push(`${e.key}: admin-only, but an editor got ${o.status} ${o.kind ?? ""}`);
      if (!ADMIN_ONLY.has(e.key) && !allowedThrough(o))
        failures.push(`${e.key}: an editor was refused (${o.status} ${o.kind ?? ""}); list it in ADMIN_ONLY if that is intended`);
    }
    expect(failures).toEqual([]);
  });

  it("lets an admin through everywhere", async () => {
    actAs(admin);
    const failures: string[] = [];
    for (const e of endpoints) {
      if (PUBLIC_WRITES[e.key]) continue;
      const o = await e.call();
      if (!allowedThrough(o)) failures.push(`${e.key}: an admin got ${o.status} ${o.kind ?? ""}`);
    }
    expect(failures).toEqual([]);
  });

  it("wrote nothing while probing", async () => {
    const after = Number((await sql<{ n: string }>("SELECT count(*) AS n FROM audit_entry")).rows[0]!.n);
    expect(after).toBe(auditBefore);
  });
});
