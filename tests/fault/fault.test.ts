// Fault tests against the real app (scripts/start.ts → scripts/server.ts →
// Next), as processes: PostgreSQL goes away under a serving app and comes
// back; a SIGTERM arrives while a request is in flight. Vitest, not
// Playwright: nothing here needs a browser, and it must not run beside the
// browser tests' server, which uses the same build folder (.next-test); so it
// is its own project and `npm test` step, after e2e (`npm run test:fault`).
import fs from "node:fs";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { alive } from "../../scripts/lib/processes";
import { projectDir } from "../../scripts/lib/project";
import { APP_SECRET, freePort, startAppProcess, stopLeftoverPostgres, waitUntilRefused, type AppProcess } from "../support/app-process";
import { validAttestation } from "../support/editor";

// Free ports, chosen per run: a fixed port failed a CI run when another program held it.
let PG_PORT = 0;
const PG_NAME = "postgres-fault";
const DEMO_ISSUER = "northwind-dollar";
// Public pages and what proves each is the real page, not an error page.
const PAGES: [string, RegExp][] = [
  ["/", /How dollar stablecoins are backed/],
  [`/issuers/${DEMO_ISSUER}`, /Northwind Dollar/],
  ["/methodology", /<h1[^>]*>[^<]*Methodology/i],
];

async function get(url: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}

async function health(app: AppProcess): Promise<{ status: number; database: { state: string } }> {
  const res = await get(`${app.url}/api/health`);
  return { status: res.status, database: (JSON.parse(res.body) as { database: { state: string } }).database };
}

async function revalidate(app: AppProcess, tag: string): Promise<void> {
  const res = await get(`${app.url}/api/internal/revalidate?tag=${tag}`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.record().revalidateToken}` },
  });
  expect(res.status, res.body).toBe(200);
}

async function sqlOn(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * An editor's session cookie, as the sign-in would set it: sessions are JWTs
 * (lib/server/auth.ts) sealed with the app's secret, for an account made here.
 */
async function editorSession(database: string): Promise<string> {
  const id = "fault-test-editor";
  await sqlOn(
    database,
    "INSERT INTO app_user (id, email, display_name, role, sessions_valid_after) VALUES ($1, 'fault-editor@example.org', 'Fault Editor', 'editor', now() - interval '1 minute')",
    [id],
  );
  const jwt = await encode({ token: { sub: id, uid: id, signedInAt: Date.now() }, secret: APP_SECRET });
  return `next-auth.session-token=${jwt}`;
}

/** A new draft report, saved through the editor's HTTP API (proxy, session, command, database). */
function editorSave(app: AppProcess, cookie: string) {
  return get(`${app.url}/api/editor/attestations`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ input: validAttestation(DEMO_ISSUER) }),
  });
}

/** PostgreSQL's start-up lines say whether the last stop was clean (a checkpoint) or a crash needing recovery. */
function expectCleanStart(lines: string[]) {
  const log = lines.join("\n");
  expect(log).toMatch(/database system was shut down at/);
  expect(log).not.toMatch(/not properly shut down|automatic recovery in progress|interrupted/);
}

describe("a database outage under a serving app", { timeout: 300_000 }, () => {
  let postgres: EmbeddedPostgres | undefined;
  let app: AppProcess | undefined;
  const pgLog: string[] = [];
  const startPostgres = () => startEmbeddedPostgres({ projectDir, port: PG_PORT, name: PG_NAME, onLog: (l) => pgLog.push(l) });

  beforeAll(async () => {
    await stopLeftoverPostgres(PG_NAME);
    PG_PORT = await freePort();
    postgres = await startPostgres();
    const exists = await sqlOn(postgres.url("postgres"), "SELECT 1 FROM pg_database WHERE datname = 'usd1_fault'");
    if (!exists.rowCount) await sqlOn(postgres.url("postgres"), "CREATE DATABASE usd1_fault");
    // A DATABASE_URL makes the server the test's, not the app's: the test stops and starts it.
    app = await startAppProcess({ name: "fault", port: await freePort(), env: { DATABASE_URL: postgres.url("usd1_fault") } });
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await postgres?.stop();
  });

  it("keeps serving public pages and refuses editor saves with a clear message while PostgreSQL is down, reports it on /api/health, and recovers without a restart", async () => {
    const a = app!;
    const webPid = a.record().webPid!;
    for (const [page, content] of PAGES) {
      const res = await get(a.url + page); // renders and caches: the last good render
      expect(res.status, page).toBe(200);
      expect(res.body, page).toMatch(content);
    }
    expect(await health(a)).toEqual({ status: 200, database: expect.objectContaining({ state: "up" }) });
    const reports = async () => Number((await sqlOn(postgres!.url(a.freshDatabase()), "SELECT count(*) FROM attestation")).rows[0].count);
    const cookie = await editorSession(postgres!.url(a.freshDatabase()));
    const before = await reports();

    pgLog.length = 0;
    await postgres!.stop();
    postgres = undefined;

    for (const [page, content] of PAGES) {
      const res = await get(a.url + page);
      expect(res.status, `${page} during the outage`).toBe(200);
      expect(res.body, `${page} during the outage`).toMatch(content);
    }
    expect(await health(a)).toEqual({ status: 503, database: expect.objectContaining({ state: "down" }) });
    const refused = await editorSave(a, cookie);
    expect(refused.status, refused.body).toBe(503);
    expect(JSON.parse(refused.body)).toEqual({
      error: { kind: "unavailable", message: "The database is temporarily unavailable; nothing was saved." },
    });
    expect(alive(webPid), "the web server survived the outage").toBe(true);

    // Same data folder and port: the app's DATABASE_URL is valid again.
    postgres = await startPostgres();
    expectCleanStart(pgLog);
    const t0 = Date.now();
    let state = await health(a);
    while (state.status !== 200 && Date.now() - t0 < 5_000) {
      await new Promise((r) => setTimeout(r, 100));
      state = await health(a);
    }
    expect(state, "health within 5 s of PostgreSQL's return").toEqual({ status: 200, database: expect.objectContaining({ state: "up" }) });
    expect(await reports(), "nothing was written by the refused save").toBe(before);
    const saved = await editorSave(a, cookie);
    expect(saved.status, saved.body).toBe(201);
    expect(await reports()).toBe(before + 1);

    // A change made while nobody looked, then an expired tag: the next page is rendered from the database again.
    const database = postgres.url(a.freshDatabase());
    await sqlOn(database, "UPDATE issuer SET name = $1 WHERE slug = $2", ["Northwind Dollar (demo, after the outage)", DEMO_ISSUER]);
    await revalidate(a, "issuers");
    const home = await get(`${a.url}/`);
    expect(home.status).toBe(200);
    expect(home.body).toContain("Northwind Dollar (demo, after the outage)");
    expect(a.record().webPid, "the same web server, not restarted").toBe(webPid);
    expect(alive(webPid)).toBe(true);
  });
});

describe("a SIGTERM while a request is in flight", { timeout: 300_000 }, () => {
  it("finishes the request, refuses new connections, then stops its own embedded PostgreSQL cleanly", async () => {
    const name = "postgres-fault-own";
    const port = await freePort();
    const pgPort = await freePort();
    await stopLeftoverPostgres(name);
    // No DATABASE_URL: start.ts starts and owns an embedded PostgreSQL, as `npm start` does.
    const app = await startAppProcess({ name: "fault-own", port, env: { EMBEDDED_PG_PORT: String(pgPort) } });
    let locker: pg.Client | undefined;
    try {
      const record = app.record();
      const password = fs.readFileSync(`${record.postgresDataDir}.password`, "utf8").trim();
      locker = new pg.Client({
        connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/${app.freshDatabase()}`,
      });
      await locker.connect();
      // Holding this lock keeps the home page's query, and so its request, in flight for as long as the test wants.
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE issuer IN ACCESS EXCLUSIVE MODE");
      await revalidate(app, "issuers");
      let settled = false;
      const slow = get(`${app.url}/`).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 700));
      expect(settled, "the request waits on the lock").toBe(false);

      app.child.kill("SIGTERM");
      await waitUntilRefused(port, 5_000);
      expect(settled, "still in flight after the server stopped listening").toBe(false);

      await locker.query("COMMIT");
      await locker.end();
      locker = undefined;
      const res = await slow;
      const answered = Date.now();
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/How dollar stablecoins are backed/);
      expect(await app.exited).toEqual({ code: 0, signal: null });
      // Web server, fresh database and PostgreSQL all gone soon after the last answer (no keep-alive socket holds the exit).
      expect(Date.now() - answered).toBeLessThan(2_500);
      expect(app.output()).toMatch(/SIGTERM: finishing in-flight requests/);
      expect(app.output()).toMatch(/\[usd1-backed\] stopped/);
      expect(alive(record.postgresPid!), "the embedded PostgreSQL stopped").toBe(false);
    } finally {
      await locker?.end().catch(() => {});
      await app.stop();
    }

    const lines: string[] = [];
    const again = await startEmbeddedPostgres({ projectDir, port: pgPort, name, onLog: (l) => lines.push(l) });
    await again.stop();
    expectCleanStart(lines);
  });
});
