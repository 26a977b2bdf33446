// E-mail alerts end to end (issue 20), against the run's PostgreSQL and a real
// SMTP server (smtp-server on a free port): double opt-in (only the
// confirmation arrives before the link is followed), an editor publishes a
// report and the delivery job sends one "report published" message (subject,
// figures with precision marks, links, List-Unsubscribe headers), a one-click
// unsubscribe POST ends it and erases the address, and nothing arrives after.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type ManagedSubscription } from "@/lib/domain/views/alerts";
import { deliverAlerts, sendDigests } from "@/lib/server/alerts/delivery";
import { AlertError } from "@/lib/server/alerts/errors";
import { alertChannels, manage, subscribe, SUBSCRIBE_LIMITS } from "@/lib/server/alerts/subscriptions";
import { createAttestationDraft, publishAttestation } from "@/lib/server/commands/attestations";
import { GET as confirmRoute } from "@/app/api/alerts/confirm/route";
import { GET as manageRoute } from "@/app/api/alerts/manage/route";
import { POST as subscribeRoute } from "@/app/api/alerts/subscribe/route";
import { GET as unsubscribeGet, POST as unsubscribeRoute } from "@/app/api/alerts/unsubscribe/route";

import { alertsEnv, startSmtp, type SmtpSink } from "../support/alerts";
import { makeIssuer, sql, testPrisma } from "../support/db";
import { actAs, makeUser, pastDay, pointAppAtRunDatabase, validAttestation } from "../support/editor";

vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {} }));
pointAppAtRunDatabase();
const prisma = testPrisma();
const BASE = "https://usd1.test";

let smtp: SmtpSink;
let restoreEnv: () => void;
let editor: { id: string };
beforeAll(async () => {
  smtp = await startSmtp();
  restoreEnv = alertsEnv({
    SMTP_URL: smtp.url,
    PUBLIC_URL: BASE,
    ALERTS_FROM: "USD1 Backed <alerts@usd1.test>",
    WEBHOOK_ALLOW_PRIVATE: undefined,
  });
  editor = await makeUser(prisma, { role: "editor" });
});
afterAll(async () => {
  restoreEnv();
  await smtp.close();
  await prisma.$disconnect();
});

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

async function publishReport(slug: string, overrides: Record<string, unknown> = {}) {
  actAs(editor);
  const input = validAttestation(slug, overrides);
  const draft = await createAttestationDraft({ input });
  await publishAttestation(draft.data.id, { version: draft.data.version, input });
  return { id: draft.data.id, asOf: input.asOf as string };
}

const refusal = async (p: Promise<unknown>): Promise<AlertError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AlertError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("e-mail alerts", () => {
  it("double opt-in, one message per published report with figures, links and one-click unsubscribe headers; nothing after unsubscribing", async () => {
    const issuer = await makeIssuer(prisma, { name: "Acme Dollar" });
    const reader = "reader@example.org";

    // 1. Follow from a browser form (no JavaScript): 303 to the "check your inbox" page.
    const form = new URLSearchParams({
      channel: "email",
      address: "Reader@Example.org",
      locale: "en",
      issuer: issuer.slug,
      return: `/en/issuers/${issuer.slug}`,
    });
    form.append("kinds", "report_published");
    form.append("kinds", "report_corrected");
    const res = await subscribeRoute(
      new Request(`${BASE}/api/alerts/subscribe`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-origin",
          "x-usd1-remote-addr": "198.51.100.7",
        },
        body: form,
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/follow/sent");

    // Only the confirmation message, with its link and nothing to unsubscribe from.
    expect(mailsTo(reader)).toHaveLength(1);
    const confirmation = mailsTo(reader)[0]!;
    expect(confirmation.subject).toBe("Confirm your USD1 Backed alerts");
    expect(confirmation.from).toBe("alerts@usd1.test");
    const token = /https:\/\/usd1\.test\/api\/alerts\/confirm\?token=([A-Za-z0-9_-]{32})/.exec(confirmation.text)?.[1];
    expect(token, confirmation.text).toBeTruthy();
    expect(confirmation.text).toContain("Report published");
    expect(confirmation.headers.has("list-unsubscribe")).toBe(false);

    // 2. A report published before confirming reaches nobody, then or later (its event is
    // still in the outbox, not fanned out, when the subscription becomes active).
    const early = await publishReport(issuer.slug);
    expect(mailsTo(reader)).toHaveLength(1);

    // 3. Confirm: 303 to the management page (its link is in every later message); a second click says it was already done.
    const confirmed = await confirmRoute(new Request(`${BASE}/api/alerts/confirm?token=${token}`));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toMatch(/^\/en\/follow\/manage\?token=[A-Za-z0-9_-]{32}&confirmed=1$/);
    expect((await confirmRoute(new Request(`${BASE}/api/alerts/confirm?token=${token}`))).headers.get("location")).toMatch(
      /&confirmed=already$/,
    );

    // 4. An editor publishes a report with rounded and lower-bound figures.
    const asOf = pastDay();
    await publishReport(issuer.slug, {
      asOf,
      totalReserves: { value: "1012000000", precision: "rounded" },
      tokensOutstanding: { value: "1000000000", precision: "lower_bound" },
      reportUrl: "https://acme.example/reserves-report.pdf",
    });
    // Other test files share this database and deliver their own subscriptions meanwhile: the
    // run's totals are not this test's, so the reader's own delivery is checked.
    const run = await deliverAlerts(prisma);
    expect(run.sent).toBeGreaterThanOrEqual(1);
    expect(
      await prisma.alertDelivery.findMany({ where: { subscription: { issuerId: issuer.id } }, select: { status: true, attempts: true } }),
    ).toEqual([{ status: "sent", attempts: 1 }]);
    expect(mailsTo(reader)).toHaveLength(2);
    const alert = mailsTo(reader)[1]!;
    expect(alert.subject).toBe(`Acme Dollar: reserve report as of ${asOf} published`);
    for (const part of [
      "Total reserves: ≈ $1.012 B",
      "Tokens outstanding: ≥ $1 B",
      "Coverage (reserves ÷ tokens, computed): ≤ 101.20%",
      `${BASE}/en/issuers/${issuer.slug}`,
      "https://acme.example/reserves-report.pdf",
    ]) {
      expect(alert.text, part).toContain(part);
    }
    expect(alert.html).toContain("≈ $1.012 B");
    expect(alert.html).toContain(`href="${BASE}/en/issuers/${issuer.slug}"`);
    const manageToken = /\/en\/follow\/manage\?token=([A-Za-z0-9_-]{32})/.exec(alert.text)?.[1];
    expect(manageToken).toBeTruthy();
    expect(alert.text).toContain(`Unsubscribe: ${BASE}/api/alerts/unsubscribe?token=${manageToken}`);
    expect(alert.headers.get("list-unsubscribe")).toBe(`<${BASE}/api/alerts/unsubscribe?token=${manageToken}>`);
    expect(alert.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(alert.headers.get("x-usd1-event-id")).toMatch(/^\d+$/);

    // Running the job again sends nothing more: one message per event and subscriber.
    expect((await deliverAlerts(prisma)).sent).toBe(0);
    expect(mailsTo(reader)).toHaveLength(2);

    // The management link shows the subscription (masked) and its log, also over HTTP.
    const managed = (await manage(manageToken))!;
    expect(managed).toMatchObject({
      status: "active",
      addressMasked: "r•••@e•••.org",
      kinds: ["report_published", "report_corrected"],
      issuer: { slug: issuer.slug },
    });
    expect(managed.deliveries).toHaveLength(1);
    expect(managed.deliveries[0]).toMatchObject({ status: "sent", attempts: 1, kind: "report_published" });
    expect(managed.deliveries[0]!.log[0]).toMatchObject({ outcome: "sent", attempt: 1 });
    expect(managed.deliveries[0]!.log[0]!.smtpResponse).toMatch(/^250/);
    const overHttp = await manageRoute(new Request(`${BASE}/api/alerts/manage?token=${manageToken}`));
    expect(overHttp.status).toBe(200);
    expect(((await overHttp.json()) as ManagedSubscription).deliveries).toHaveLength(1);
    expect(JSON.stringify(managed)).not.toContain(reader);
    // GET on the unsubscribe URL changes nothing: it leads to the management page.
    const look = await unsubscribeGet(new Request(`${BASE}/api/alerts/unsubscribe?token=${manageToken}`));
    expect(look.status).toBe(303);
    expect(look.headers.get("location")).toBe(`/en/follow/manage?token=${manageToken}`);
    expect((await manage(manageToken))!.status).toBe("active");

    // 5. One-click unsubscribe (RFC 8058), as a mail provider sends it: no cookie, no Origin.
    const unsub = await unsubscribeRoute(
      new Request(`${BASE}/api/alerts/unsubscribe?token=${manageToken}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(unsub.status).toBe(200);
    expect(await unsub.json()).toEqual({ outcome: "unsubscribed" });
    // harmless when repeated
    expect(
      (
        await unsubscribeRoute(
          new Request(`${BASE}/api/alerts/unsubscribe?token=${manageToken}`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "List-Unsubscribe=One-Click",
          }),
        )
      ).status,
    ).toBe(200);

    // The address is gone from the database; the log stays, without it.
    const stored = await prisma.alertSubscription.findUniqueOrThrow({ where: { id: managed.id } });
    expect(stored).toMatchObject({ status: "ended", address: null, endReason: "unsubscribed", webhookSecret: null });
    const anywhere = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM alert_subscription WHERE address ILIKE '%reader@example.org%'`,
    );
    expect(anywhere.rows[0]!.n).toBe(0);
    expect((await manage(manageToken))!).toMatchObject({ status: "ended", addressMasked: null });

    // 6. Another report: nothing arrives.
    await publishReport(issuer.slug);
    await deliverAlerts(prisma);
    expect(mailsTo(reader)).toHaveLength(2);
    // The early report's event was recorded, yet never delivered to this subscriber.
    const earlyEvent = await prisma.alertEvent.findUniqueOrThrow({ where: { dedupeKey: `report_published:${early.id}` } });
    expect(await prisma.alertDelivery.count({ where: { eventId: earlyEvent.id } })).toBe(0);
  });

  it("records an SMTP refusal of the recipient as a bounce: dead at once, with the server's answer in the log", async () => {
    const issuer = await makeIssuer(prisma, { name: "Bounce Dollar" });
    const address = "gone@example.org";
    await subscribe({ channel: "email", address, issuer: issuer.slug, kinds: ["report_published"] }, { ip: null });
    const token = /confirm\?token=([A-Za-z0-9_-]{32})/.exec(mailsTo(address)[0]!.text)![1]!;
    await confirmRoute(new Request(`${BASE}/api/alerts/confirm?token=${token}`));
    smtp.refuse.add(address);
    await publishReport(issuer.slug);
    await deliverAlerts(prisma);
    const delivery = await prisma.alertDelivery.findFirstOrThrow({
      where: { subscription: { issuerId: issuer.id } },
      include: { attemptLog: true },
    });
    expect(delivery).toMatchObject({ status: "dead", attempts: 1 });
    expect(delivery.attemptLog).toHaveLength(1);
    expect(delivery.attemptLog[0]).toMatchObject({ outcome: "bounced" });
    expect(delivery.attemptLog[0]!.smtpResponse).toMatch(/^550/);
  });

  it("refuses clearly, never with a 500: bad fields, rate limits per network and per address, e-mail off", async () => {
    const issuer = await makeIssuer(prisma);
    // JSON with bad fields: 400, each field named, a stable code.
    const bad = await subscribeRoute(
      new Request(`${BASE}/api/alerts/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "email", address: "nope", kinds: [] }),
      }),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["address", "kinds"]);
    // The same from a form: back to the page, with the code and the fields.
    const formBad = await subscribeRoute(
      new Request(`${BASE}/api/alerts/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ channel: "email", address: "nope", locale: "es", issuer: issuer.slug }),
      }),
    );
    expect(formBad.status).toBe(303);
    expect(formBad.headers.get("location")).toBe(`/es/issuers/${issuer.slug}?followError=invalid&followFields=address%2Ckinds#follow`);
    // Cross-site: refused.
    const cross = await subscribeRoute(
      new Request(`${BASE}/api/alerts/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
        body: "{}",
      }),
    );
    expect(cross.status).toBe(403);

    // Per network: SUBSCRIBE_LIMITS.perNetwork an hour, then 429 with when to retry.
    const ip = "192.0.2.77";
    for (let i = 0; i < SUBSCRIBE_LIMITS.perNetwork; i++)
      await subscribe({ channel: "email", address: `net${i}@example.org`, issuer: issuer.slug, kinds: ["report_published"] }, { ip });
    const net = await refusal(
      subscribe({ channel: "email", address: "net-last@example.org", issuer: issuer.slug, kinds: ["report_published"] }, { ip }),
    );
    expect(net).toMatchObject({ code: "rate_limited", status: 429 });
    expect(net.details.retryAt).toBeTruthy();
    expect(mailsTo("net-last@example.org")).toHaveLength(0);

    // Per address: at most SUBSCRIBE_LIMITS.perAddress pending, from any network.
    const target = "victim@example.org";
    for (let i = 0; i < SUBSCRIBE_LIMITS.perAddress; i++)
      await subscribe({ channel: "email", address: target, kinds: ["report_published"] }, { ip: `192.0.2.${100 + i}` });
    const addr = await refusal(
      subscribe({ channel: "email", address: target.toUpperCase(), kinds: ["report_published"] }, { ip: "192.0.2.200" }),
    );
    expect(addr).toMatchObject({ code: "rate_limited", status: 429 });
    expect(mailsTo(target)).toHaveLength(SUBSCRIBE_LIMITS.perAddress);
    const overHttp = await subscribeRoute(
      new Request(`${BASE}/api/alerts/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "email", address: target, kinds: ["report_published"] }),
      }),
    );
    expect(overHttp.status).toBe(429);
    expect(overHttp.headers.get("retry-after")).toMatch(/^\d+$/);

    // An unknown issuer.
    expect(
      await refusal(
        subscribe({ channel: "email", address: "x@example.org", issuer: "no-such-issuer", kinds: ["report_published"] }, { ip: null }),
      ),
    ).toMatchObject({ code: "unknown_issuer", status: 400 });

    // Without SMTP_URL the e-mail option is off, and says why.
    const restore = alertsEnv({ SMTP_URL: undefined });
    try {
      expect(alertChannels().email).toMatchObject({ on: false, code: "no_smtp" });
      expect(alertChannels().webhook.on).toBe(true);
      expect(
        await refusal(subscribe({ channel: "email", address: "off@example.org", kinds: ["report_published"] }, { ip: null })),
      ).toMatchObject({ code: "email_off", status: 503 });
    } finally {
      restore();
    }
    expect(alertChannels().email.on).toBe(true);
  });

  it("gives digest subscribers one daily message with the day's events instead of one per event", async () => {
    const issuer = await makeIssuer(prisma, { name: "Digest Dollar" });
    const address = "daily@example.org";
    await subscribe(
      { channel: "email", address, issuer: issuer.slug, kinds: ["report_published"], digest: true, locale: "pt" },
      { ip: null },
    );
    const token = /confirm\?token=([A-Za-z0-9_-]{32})/.exec(mailsTo(address)[0]!.text)![1]!;
    expect(mailsTo(address)[0]!.text).toContain("Em uma única mensagem por dia.");
    await confirmRoute(new Request(`${BASE}/api/alerts/confirm?token=${token}`));
    const a = await publishReport(issuer.slug);
    const b = await publishReport(issuer.slug);
    // the per-minute job leaves digest deliveries to the daily one
    await deliverAlerts(prisma);
    expect(mailsTo(address)).toHaveLength(1);
    const run = await sendDigests(prisma);
    expect(run).toMatchObject({ messages: 1, events: 2, failed: 0 });
    expect(mailsTo(address)).toHaveLength(2);
    const digest = mailsTo(address)[1]!;
    expect(digest.subject).toMatch(/^USD1 Backed: 2 alertas de /);
    expect(digest.text).toContain(`Digest Dollar: publicado o relatório de reservas de`);
    for (const asOf of [a.asOf, b.asOf])
      expect(digest.text).toContain(
        new Intl.DateTimeFormat("pt-BR", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${asOf}T00:00:00Z`)),
      );
    expect(digest.text.match(/Cancelar a inscrição:/g)).toHaveLength(1);
    expect(digest.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // once
    expect(await sendDigests(prisma)).toMatchObject({ messages: 0 });
    await deliverAlerts(prisma);
    expect(mailsTo(address)).toHaveLength(2);
  });

  it("expires an unconfirmed subscription after 48 hours and erases its address", async () => {
    const address = "late@example.org";
    const created = await subscribe(
      { channel: "email", address, kinds: ["stress_event"] },
      { ip: null, now: new Date(Date.now() - 49 * 3600_000) },
    );
    const token = /confirm\?token=([A-Za-z0-9_-]{32})/.exec(mailsTo(address)[0]!.text)![1]!;
    const res = await confirmRoute(new Request(`${BASE}/api/alerts/confirm?token=${token}`));
    expect(res.headers.get("location")).toBe("/en/follow/expired");
    expect(await prisma.alertSubscription.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "ended",
      endReason: "expired",
      address: null,
    });
  });
});
