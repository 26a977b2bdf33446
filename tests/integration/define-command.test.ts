// defineCommand (lib/server/commands/define.ts), the one wrapper every write goes
// through: against the run's PostgreSQL, with commands defined here for the
// purpose, then held against every command the app defines.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { z } from "zod";

import { createAttestationDraft } from "@/lib/server/commands/attestations";
import { defineCommand, type Context } from "@/lib/server/commands/define";
import { CommandError } from "@/lib/server/commands/errors";

import { makeIssuer, sql, testPrisma, unique } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const root = path.resolve(__dirname, "..", "..");
const commandsDir = path.join(root, "lib", "server", "commands");

let editor: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  editor = await makeUser(prisma, { role: "editor", name: "Dee Fine" });
  admin = await makeUser(prisma, { role: "admin" });
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(CommandError);
      return e as CommandError;
    },
  );

/** A body that records whether the wrapper read it (a route passes `() => readJson(req)`). */
function watchedBody(body: unknown) {
  const read = { count: 0 };
  return { read, body: async () => ((read.count += 1), body) };
}

const auditOf = (entityId: string) => prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });

// A test write: one issuer created, named by the body; `fail` says where it should go wrong.
const thingInput = z.object({
  slug: z.string({ error: "required" }).min(3, "at least 3 characters"),
  name: z.string({ error: "required" }).min(1, "required"),
});
const runs = { count: 0 };
const createThing = defineCommand({
  name: "create test issuer",
  role: "editor",
  schema: thingInput,
  async run(tx, input, { actor, params: [fail] }: Context<[fail: "none" | "run" | "audit"]>) {
    runs.count += 1;
    const issuer = await tx.issuer.create({
      data: { slug: input.slug, name: input.name, backingModel: "fiat_reserve", declaredCadence: "monthly" },
    });
    if (fail === "run") throw new CommandError("state", "the run refused after writing");
    return {
      data: { id: issuer.id, by: actor.displayName },
      tags: [`issuer:${input.slug}`],
      // An account that does not exist breaks the entry's foreign key: the audit write itself fails.
      audit: {
        action: "create",
        entityType: "issuer",
        entityId: issuer.id,
        after: input,
        ...(fail === "audit" ? { actor: { id: "no-such-account", displayName: "nobody" } } : {}),
      },
    };
  },
});

const adminOnly = defineCommand({
  name: "admin-only test write",
  role: "admin",
  schema: z.object({}),
  run: async () => ({ data: null, audit: null }),
});

describe("defineCommand", () => {
  it("refuses before reading the body: an anonymous caller, and an editor where an admin is required", async () => {
    actAs(null);
    const anonymous = watchedBody({ slug: "x" });
    expect((await refusal(createThing("none", anonymous.body))).kind).toBe("unauthenticated");
    expect(anonymous.read.count).toBe(0);

    actAs(editor);
    const asEditor = watchedBody({});
    expect((await refusal(adminOnly(asEditor.body))).kind).toBe("forbidden");
    expect(asEditor.read.count).toBe(0);

    actAs(admin);
    await expect(adminOnly({})).resolves.toEqual({ data: null, tags: [] });
  });

  it("names every field error at once, and neither runs nor writes anything", async () => {
    actAs(editor);
    const before = { runs: runs.count, audit: await prisma.auditEntry.count() };
    const err = await refusal(createThing("none", { slug: "x" }));
    expect(err.kind).toBe("validation");
    expect(err.message).toBe("Some fields need attention; nothing was saved.");
    expect(err.details.fieldErrors).toEqual({ slug: ["at least 3 characters"], name: ["required"] });
    // An absent body is parsed as an empty one: every missing field named, not one error for the form.
    expect(Object.keys((await refusal(createThing("none", undefined))).details.fieldErrors ?? {}).sort()).toEqual(["name", "slug"]);
    expect(runs.count).toBe(before.runs);
    expect(await prisma.auditEntry.count()).toBe(before.audit);
  });

  it("writes one audit entry per write, by the caller, in the write's transaction, and returns the tags", async () => {
    actAs(editor);
    const slug = unique("thing");
    const body = watchedBody({ slug, name: "Thing" });
    const written = await createThing("none", body.body);
    expect(body.read.count).toBe(1);
    expect(written).toEqual({ data: { id: expect.any(String), by: "Dee Fine" }, tags: [`issuer:${slug}`] });
    const entries = await auditOf(written.data.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: editor.id, actorLabel: "Dee Fine", action: "create", after: { slug, name: "Thing" } });
  });

  it("leaves neither the change nor an audit entry when the run fails, or when its audit entry cannot be written", async () => {
    actAs(editor);
    const before = await prisma.auditEntry.count();
    for (const fail of ["run", "audit"] as const) {
      const slug = unique(`fails-in-${fail}`);
      await expect(createThing(fail, { slug, name: "Never" }), fail).rejects.toThrow();
      expect(await prisma.issuer.count({ where: { slug } }), fail).toBe(0);
    }
    expect(await prisma.auditEntry.count()).toBe(before);
  });

  it("writes the entries of a write of many, rolls back a dry run, and settles what lives outside the database", async () => {
    actAs(editor);
    const settled: boolean[] = [];
    const many = defineCommand({
      name: "create test issuers",
      role: "editor",
      schema: z.object({ slugs: z.array(z.string()), dryRun: z.boolean() }),
      async run(tx, { slugs, dryRun }) {
        const created = await Promise.all(
          slugs.map((slug) => tx.issuer.create({ data: { slug, name: slug, backingModel: "fiat_reserve", declaredCadence: "monthly" } })),
        );
        return {
          data: created.map((i) => i.id),
          tags: ["issuers"],
          audit: created.map((i) => ({ action: "create", entityType: "issuer", entityId: i.id })),
          rollBack: dryRun,
          settle: (committed: boolean) => settled.push(committed),
        };
      },
    });
    const real = await many({ slugs: [unique("a"), unique("b"), unique("c")], dryRun: false });
    expect(real.tags).toEqual(["issuers"]);
    for (const id of real.data) expect(await auditOf(id)).toHaveLength(1);

    const dry = await many({ slugs: [unique("dry")], dryRun: true });
    expect(dry.tags).toEqual([]);
    expect(await prisma.issuer.count({ where: { id: dry.data[0] } })).toBe(0);
    expect(await auditOf(dry.data[0]!)).toHaveLength(0);
    expect(settled).toEqual([true, false]);
  });

  it("reads no session for a command open to anyone, whose audit entries name their actor", async () => {
    actAs(null);
    const open = defineCommand({
      name: "open test write",
      role: "anyone",
      schema: z.object({ named: z.boolean() }),
      async run(tx, { named }, { actor }) {
        expect(actor).toBeNull();
        const issuer = await tx.issuer.create({
          data: { slug: unique("open"), name: "Open", backingModel: "fiat_reserve", declaredCadence: "monthly" },
        });
        const by = named ? { actor: { id: null, displayName: "a reader" } } : {};
        return { data: issuer.id, audit: { action: "create", entityType: "issuer", entityId: issuer.id, ...by } };
      },
    });
    const { data: id } = await open({ named: true });
    expect(await auditOf(id)).toMatchObject([{ actorId: null, actorLabel: "a reader" }]);
    await expect(open({ named: false })).rejects.toThrow(/must name its actor/);
  });

  it("runs as a system actor only where the command allows it, never inside the Next server, and audits under its label", async () => {
    actAs(null);
    const system = defineCommand({
      name: "system test write",
      role: "admin",
      system: true,
      schema: z.object({ slug: z.string() }),
      async run(tx, { slug }, { actor }) {
        const issuer = await tx.issuer.create({ data: { slug, name: slug, backingModel: "fiat_reserve", declaredCadence: "monthly" } });
        return { data: { id: issuer.id, actorId: actor.id }, audit: { action: "create", entityType: "issuer", entityId: issuer.id } };
      },
    });
    const loader = { id: null, label: "system: test loader", role: "admin" } as const;
    const written = await system.asSystem(prisma, loader, { slug: unique("sys") });
    expect(written.data.actorId).toBeNull();
    expect(await auditOf(written.data.id)).toMatchObject([{ actorId: null, actorLabel: "system: test loader" }]);

    // Its role still counts: an editor's script may not do an admin's write.
    await expect(system.asSystem(prisma, { ...loader, role: "editor" }, { slug: unique("sys") })).rejects.toThrow(/needs an admin/);
    // Next compiles NEXT_RUNTIME into every route, action and page it bundles.
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      await expect(system.asSystem(prisma, loader, { slug: unique("sys") })).rejects.toThrow(/never in the web server/);
    } finally {
      delete process.env.NEXT_RUNTIME;
    }
    // The session path is unchanged: still refused without one.
    expect((await refusal(system({ slug: unique("sys") }))).kind).toBe("unauthenticated");
    expect("asSystem" in createThing).toBe(false);
  });
});

describe("the app's commands", () => {
  const commandFiles = fs.readdirSync(commandsDir).filter((f) => f.endsWith(".ts"));

  it("every exported command refuses an anonymous caller, and an editor where it needs an admin, before reading its body", async () => {
    const failures: string[] = [];
    let found = 0;
    for (const file of commandFiles) {
      const mod = (await import(pathToFileURL(path.join(commandsDir, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const role = typeof value === "function" ? (value as { role?: unknown }).role : undefined;
        if (role === undefined || role === "anyone") continue;
        found += 1;
        const call = value as (...args: unknown[]) => Promise<unknown>;
        const callers: [typeof editor | null, string][] = [[null, "unauthenticated"]];
        if (role === "admin") callers.push([editor, "forbidden"]);
        for (const [who, expected] of callers) {
          actAs(who);
          const body = watchedBody({});
          const outcome = await call("matrix", "matrix", body.body).then(
            () => "accepted",
            (e: { kind?: string }) => e.kind,
          );
          if (outcome !== expected || body.read.count) failures.push(`${file}#${name} as ${who ? "editor" : "anonymous"}: ${outcome}`);
        }
      }
    }
    expect(found).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  });

  it("write only inside defineCommand's transaction: no transaction, role check, audit entry or write of their own", () => {
    // No exception left: the price import was the last (it now runs in the wrapper's transaction). A new one
    // would be named here with its reason, and the test fails once it no longer needs to be.
    const EXCEPTIONS = new Set<string>();
    const byHand: [RegExp, string][] = [
      [/\$transaction\s*\(/, "opens a transaction"],
      [/\brequireRole\s*\(/, "checks a role"],
      [/\bauditEntry\s*\.\s*create/, "writes an audit entry"],
      // Every write goes through the transaction client a run is given (`tx`), never db() or a PrismaClient.
      [
        /\b(?!tx\b)\w+(?:\(\))?\s*\.\s*\w+\s*\.\s*(?:create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\s*\(/,
        "writes",
      ],
    ];
    const found: string[] = [];
    for (const file of commandFiles) {
      if (file === "define.ts") continue;
      const source = fs.readFileSync(path.join(commandsDir, file), "utf8");
      const what = byHand.filter(([pattern]) => pattern.test(source)).map(([, label]) => label);
      if (what.length && !EXCEPTIONS.has(file)) found.push(`${file} ${what.join(", ")} outside defineCommand`);
      if (!what.length && EXCEPTIONS.has(file)) found.push(`${file} is listed as an exception but no longer needs to be`);
    }
    expect(found).toEqual([]);
  });

  it("are run as a system actor only by scripts and tests: nothing the web server serves calls asSystem", () => {
    const served = ["app", "components", "lib"].flatMap((dir) =>
      fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)),
    );
    const callers = served.filter(
      (f) =>
        /\.tsx?$/.test(f) &&
        !f.startsWith(path.join("lib", "server", "commands")) &&
        !f.startsWith(path.join("lib", "generated")) &&
        /\.asSystem\s*\(/.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(callers).toEqual([]);
  });
});

describe("commands converted to it", () => {
  it("answer two editors creating the same report at once with one draft and a duplicate refusal that links to it", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const input = validAttestation(issuer.slug, { asOf: "2025-04-30" });
    // Both creates pass the duplicate check, then wait at their insert (its foreign key needs the
    // issuer row, locked here); let go, one inserts and the unique key refuses the other.
    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    let results;
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM issuer WHERE id = $1 FOR UPDATE", [issuer.id]);
      const pending = Promise.allSettled([createAttestationDraft({ input }), createAttestationDraft({ input })]);
      await vi.waitFor(
        async () => {
          // From another connection: inside the blocker's transaction, pg_stat_activity stays as first read.
          const { rows } = await sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          );
          expect(rows[0]!.n).toBe(2);
        },
        { timeout: 10_000, interval: 50 },
      );
      await blocker.query("COMMIT");
      results = await pending;
    } finally {
      await blocker.end();
    }
    const created = results.filter((r) => r.status === "fulfilled");
    expect(created).toHaveLength(1);
    const id = created[0]!.value.data.id;
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.map((r) => (r.reason as CommandError).kind)).toEqual(["duplicate"]);
    expect((refused[0]!.reason as CommandError).details.existing).toEqual({ id, href: `/editor/attestations/${id}` });
    expect(await auditOf(id)).toHaveLength(1);
  });
});
