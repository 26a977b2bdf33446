// The alert outbox (issue 20): every event is written in the same transaction
// as the change that causes it, and delivered from there. A separate process
// publishes a report, commits and is killed (SIGKILL) before any delivery; a
// fresh delivery run afterwards delivers the event exactly once, and running
// delivery again sends nothing more. Also: each editor write path records its
// one event, a refused write records none, and recording twice records once.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

import { dedupeKeys } from "@/lib/domain/alerts/events";
import { deliverAlerts, fanOutAlertEvents } from "@/lib/server/alerts/delivery";
import { recordReportAlert } from "@/lib/server/alerts/outbox";
import { subscribe } from "@/lib/server/alerts/subscriptions";
import { correctAttestation, createAttestationDraft, publishAttestation, retractAttestation } from "@/lib/server/commands/attestations";
import { CommandError } from "@/lib/server/commands/errors";
import { importAttestations } from "@/lib/server/commands/import-attestations";
import { createStressEvent } from "@/lib/server/commands/stress-events";

import { alertsEnv, startReceiver, type Receiver } from "../support/alerts";
import { makeIssuer, testPrisma } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";
import { monthEnds, parseImportFiles, reportsCsv } from "../support/import-csv";

vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {} }));
pointAppAtRunDatabase();
const prisma = testPrisma();
const root = path.resolve(__dirname, "..", "..");

let restoreEnv: () => void;
let editor: { id: string };
let admin: { id: string };
let hook: Receiver;
beforeAll(async () => {
  restoreEnv = alertsEnv({ WEBHOOK_ALLOW_PRIVATE: "true", PUBLIC_URL: "https://usd1.test", SMTP_URL: undefined });
  editor = await makeUser(prisma, { role: "editor" });
  admin = await makeUser(prisma, { role: "admin" });
  hook = await startReceiver();
});
afterAll(async () => {
  restoreEnv();
  await hook.close();
  await prisma.$disconnect();
});

/** Runs the child publisher; resolves with the report id once it says it committed, then kills it. */
function publishInChildAndKill(
  userId: string,
  input: Record<string, unknown>,
): Promise<{ reportId: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        path.join(root, "tests", "support", "node20-polyfills.mjs"),
        "--import",
        "tsx",
        path.join(root, "tests", "support", "alerts-publish-child.ts"),
        userId,
        JSON.stringify(input),
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: inject("databaseUrl"), VITEST: "true" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    let reportId: string | null = null;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the child did not commit in time: ${err}`));
    }, 60_000);
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /committed (\S+)\n/.exec(out);
      if (m && !reportId) {
        reportId = m[1]!;
        child.kill("SIGKILL"); // after the commit, before any delivery
      }
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      if (reportId) resolve({ reportId, signal });
      else reject(new Error(`the child exited without committing: ${err}`));
    });
  });
}

describe("the alert outbox", () => {
  it("delivers an event committed by a process killed before delivery, exactly once, after a restart", async () => {
    const issuer = await makeIssuer(prisma, { name: "Crash Dollar" });
    await subscribe({ channel: "webhook", address: hook.url("/crash"), issuer: issuer.slug, kinds: ["report_published"] }, { ip: null });

    const { reportId, signal } = await publishInChildAndKill(editor.id, validAttestation(issuer.slug));
    expect(signal).toBe("SIGKILL");
    // The change and its event both committed; nothing was delivered.
    expect(await prisma.attestation.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ state: "published" });
    const event = await prisma.alertEvent.findUniqueOrThrow({ where: { dedupeKey: dedupeKeys.reportPublished(reportId) } });
    expect(event.fannedOutAt).toBeNull();
    expect(hook.requests.filter((r) => r.path === "/crash")).toHaveLength(0);

    // "After restart": a fresh delivery run, from this process.
    await deliverAlerts(prisma, { log: () => undefined });
    const received = hook.requests.filter((r) => r.path === "/crash");
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id: event.id.toString(), kind: "report_published" });
    // Running delivery again (and fanning out again) sends nothing more.
    await deliverAlerts(prisma, { log: () => undefined });
    await fanOutAlertEvents(prisma);
    await deliverAlerts(prisma, { log: () => undefined });
    expect(hook.requests.filter((r) => r.path === "/crash")).toHaveLength(1);
    expect(await prisma.alertDelivery.count({ where: { eventId: event.id } })).toBe(1);
  }, 90_000);

  it("records one event per write: publish, correct, retract, stress event, bulk import; none for a refused write; once per key", async () => {
    const issuer = await makeIssuer(prisma, { name: "Ledger Dollar" });
    const events = () => prisma.alertEvent.findMany({ where: { issuerId: issuer.id }, orderBy: { id: "asc" } });
    actAs(editor);
    const input = validAttestation(issuer.slug, { asOf: "2025-05-31" });
    const draft = await createAttestationDraft({ input });
    expect(await events()).toHaveLength(0); // a draft is not public

    // A refused publish (stale version) rolls back: no event.
    await expect(publishAttestation(draft.data.id, { version: draft.data.version + 5, input })).rejects.toBeInstanceOf(CommandError);
    expect(await events()).toHaveLength(0);

    const published = await publishAttestation(draft.data.id, { version: draft.data.version, input });
    const corrected = await correctAttestation(draft.data.id, {
      version: published.data.version,
      reason: "Reserves restated",
      input: { ...input, totalReserves: { value: "1020000", precision: "exact" } },
    });
    actAs(admin);
    await retractAttestation(draft.data.id, { version: corrected.data.version, reason: "Withdrawn by the issuer" });
    actAs(editor);
    const stress = await createStressEvent({
      input: {
        issuerSlug: issuer.slug,
        kind: "redemption_halt",
        startDate: "2025-06-02",
        endDate: null,
        lowestPrice: null,
        reserveExposureUsd: null,
        summary: "Redemptions paused for two days.",
        issuerResponse: null,
        sources: [{ url: "https://news.example/halt", title: null }],
      },
    });
    const log = await events();
    expect(log.map((e) => [e.kind, e.dedupeKey])).toEqual([
      ["report_published", dedupeKeys.reportPublished(draft.data.id)],
      ["report_corrected", dedupeKeys.reportCorrected(draft.data.id, 2)],
      ["report_retracted", dedupeKeys.reportRetracted(draft.data.id)],
      ["stress_event", dedupeKeys.stressEvent(stress.data.id)],
    ]);
    expect(log[1]!.payload).toMatchObject({
      facts: { reason: "Reserves restated", revision: "2" },
      figures: [{ key: "total_reserves", text: "$1,020,000" }, { key: "tokens_outstanding" }, { key: "coverage", text: "102.00%" }],
    });
    expect(log[3]!.payload).toMatchObject({
      sourceUrl: "https://news.example/halt",
      facts: { stressKind: "redemption_halt", startDate: "2025-06-02" },
    });

    // Recording the same thing again records nothing.
    expect(await prisma.$transaction((tx) => recordReportAlert(tx, "report_retracted", draft.data.id))).toBeNull();
    expect(await events()).toHaveLength(4);

    // The bulk import: one report_published per imported report newer than the issuer's latest, in its transaction.
    const result = await importAttestations(
      prisma,
      parseImportFiles(reportsCsv(monthEnds(3, 1990).map((asOf) => ({ issuerSlug: issuer.slug, asOf })))),
      { id: editor.id, label: "importer", role: "editor" },
    );
    expect(result.ok).toBe(true);
    const imported = (await events()).slice(4);
    expect(imported.map((e) => e.kind)).toEqual(["report_published", "report_published", "report_published"]);
    expect(imported.map((e) => (e.payload as { facts: { asOf: string } }).facts.asOf).sort()).toEqual(monthEnds(3, 1990));

    // History filled in later (older than the issuer's latest published report) is not news: no alert.
    // A report newer than every published one is.
    const history = await importAttestations(
      prisma,
      parseImportFiles(reportsCsv(monthEnds(2, 1989).map((asOf) => ({ issuerSlug: issuer.slug, asOf })))),
      { id: editor.id, label: "importer", role: "editor" },
    );
    expect(history.ok).toBe(true);
    expect(await events()).toHaveLength(7);
    const newer = await importAttestations(
      prisma,
      parseImportFiles(reportsCsv(monthEnds(1, 1991).map((asOf) => ({ issuerSlug: issuer.slug, asOf })))),
      { id: editor.id, label: "importer", role: "editor" },
    );
    expect(newer.ok).toBe(true);
    expect((await events()).slice(7).map((e) => (e.payload as { facts: { asOf: string } }).facts.asOf)).toEqual(monthEnds(1, 1991));
  });
});
