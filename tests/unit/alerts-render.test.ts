// Alert messages in three languages (lib/i18n/alerts/render.ts): each says
// what happened, carries its figures with their precision marks in the
// language's number style, links the issuer page (in that language) and the
// source, and ends with the management and unsubscribe links; plus the digest,
// the confirmation message and the webhook body (checked against its schema).
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

import { ALERT_LOCALES, type AlertLocale } from "@/lib/domain/alerts/kinds";
import { alertWebhookSchema, type AlertEventView } from "@/lib/domain/alerts/payload";
import { openApiDocument } from "@/lib/domain/api/openapi";
import { overdueJudgement } from "@/lib/domain/metrics/cadence";
import type { AttestationData } from "@/lib/domain/types";
import {
  overduePayload,
  priceBandPayload,
  reportEventPayload,
  stressEventPayload,
  supplyDivergencePayload,
} from "@/lib/i18n/alerts/payloads";
import { alertSubject, renderAlertMessage, renderConfirmation, renderDigest, webhookBody } from "@/lib/i18n/alerts/render";

const issuer = { slug: "acme-usd", name: "Acme <USD>" };
const ctx = (locale: AlertLocale) => ({
  locale,
  baseUrl: "https://usd1.example/",
  manageUrl: `https://usd1.example/${locale}/follow/manage?token=MANAGE`,
  unsubscribeUrl: "https://usd1.example/api/alerts/unsubscribe?token=MANAGE",
  followedIssuer: issuer.name,
});

const published: AlertEventView = {
  id: "7",
  kind: "report_published",
  occurredAt: "2026-02-20T10:00:00.000Z",
  payload: reportEventPayload("report_published", issuer, {
    asOf: "2026-01-31",
    asOfPrecision: "day",
    reportType: "attestation",
    scope: "reserves_and_tokens",
    reportUrl: "https://acme.example/report.pdf",
    sourceUrl: null,
    totalReserves: { value: "39700000000", precision: "rounded" },
    tokensOutstanding: { value: "39000000000", precision: "lower_bound" },
    revision: 1,
  }),
};

describe("a report-published message", () => {
  it("carries its figures with precision marks; coverage from a lower-bound denominator is an upper bound", () => {
    expect(published.payload.figures.map((f) => [f.key, f.bound, f.text])).toEqual([
      ["total_reserves", "approx", "≈ $39.7 B"],
      ["tokens_outstanding", "lower", "≥ $39 B"],
      ["coverage", "upper", "≤ 101.80%"],
    ]);
  });

  const expected: Record<
    AlertLocale,
    { subject: RegExp; reserves: string; tokens: string; coverage: string; page: string; unsubscribe: string; manage: string }
  > = {
    en: {
      subject: /^Acme <USD>: reserve report as of 2026-01-31 published$/,
      reserves: "≈ $39.7 B",
      tokens: "≥ $39 B",
      coverage: "≤ 101.80%",
      page: "Issuer page",
      unsubscribe: "Unsubscribe",
      manage: "Manage your alerts",
    },
    es: {
      subject: /^Acme <USD>: publicado el informe de reservas al 31 ene 2026$/,
      reserves: "≈ US$39.7 mil M",
      tokens: "≥ US$39 mil M",
      coverage: "≤ 101.80%",
      page: "Página del emisor",
      unsubscribe: "Darse de baja",
      manage: "Gestionar sus alertas",
    },
    pt: {
      subject: /^Acme <USD>: publicado o relatório de reservas de 31 de jan\. de 2026$/,
      reserves: "≈ US$ 39,7 bi",
      tokens: "≥ US$ 39 bi",
      coverage: "≤ 101,80%",
      page: "Página do emissor",
      unsubscribe: "Cancelar a inscrição",
      manage: "Gerenciar seus alertas",
    },
  };

  it.each(ALERT_LOCALES)(
    "reads in %s: subject, figures, links to the page in that language and the source, manage and unsubscribe",
    (locale) => {
      const e = expected[locale];
      const m = renderAlertMessage(published, ctx(locale));
      expect(m.subject).toMatch(e.subject);
      for (const part of [
        e.reserves,
        e.tokens,
        e.coverage,
        `https://usd1.example/${locale}/issuers/acme-usd`,
        "https://acme.example/report.pdf",
        ctx(locale).manageUrl,
        ctx(locale).unsubscribeUrl,
        e.unsubscribe,
        e.manage,
        e.page,
      ]) {
        expect(m.text, `${locale} text: ${part}`).toContain(part);
      }
      // HTML: the same figures and links, everything interpolated escaped
      expect(m.html).toContain(`lang="${locale}"`);
      expect(m.html).toContain(e.reserves);
      expect(m.html).toContain(`href="https://usd1.example/${locale}/issuers/acme-usd"`);
      expect(m.html).toContain(`href="${ctx(locale).unsubscribeUrl}"`);
      expect(m.html).toContain("Acme &lt;USD&gt;");
      expect(m.html).not.toContain("Acme <USD>");
    },
  );

  it("is a different message in each language", () => {
    const texts = new Set(ALERT_LOCALES.map((l) => renderAlertMessage(published, ctx(l)).text));
    expect(texts.size).toBe(3);
  });
});

describe("other kinds", () => {
  const reports: AttestationData[] = [];
  const base: Omit<AttestationData, "id" | "asOf" | "publishedOn"> = {
    issuerSlug: "acme-usd",
    asOfPrecision: "day",
    reportType: "attestation",
    assurance: "examination",
    firm: null,
    standard: null,
    opinion: "unqualified",
    scope: "reserves_and_tokens",
    reportUrl: null,
    reportSha256: null,
    sourceUrl: null,
    sourceKind: "primary",
    tokensOutstanding: null,
    totalReserves: null,
    liquidity: { within1dPct: null, within7dPct: null, within30dPct: null },
    notes: null,
    state: "published",
    revision: 1,
    retractedReason: null,
    composition: [],
  };
  for (const [i, asOf, pub] of [
    [1, "2025-10-31", "2025-11-20"],
    [2, "2025-11-30", "2025-12-20"],
  ] as const)
    reports.push({ ...base, id: `r${i}`, asOf, publishedOn: pub });

  it("an overdue report names the expected report and the window's end, in each language", () => {
    const j = overdueJudgement(reports, "monthly", "2026-01-29");
    expect(j.status).toBe("overdue");
    const e: AlertEventView = {
      id: "8",
      kind: "report_overdue",
      occurredAt: "2026-01-28T00:00:00.000Z",
      payload: overduePayload(issuer, j),
    };
    expect(renderAlertMessage(e, ctx("en")).text).toContain(`as of ${j.nextExpectedAsOf} was expected by ${j.windowEnd}`);
    expect(renderAlertMessage(e, ctx("es")).subject).toBe("Acme <USD>: informe de reservas atrasado");
    expect(renderAlertMessage(e, ctx("pt")).text).toContain("Além do prazo esperado: 1 dia");
  });

  it("a stress event and a price band, with their price figures", () => {
    const stress: AlertEventView = {
      id: "9",
      kind: "stress_event",
      occurredAt: "2026-03-10T00:00:00.000Z",
      payload: stressEventPayload(issuer, {
        kind: "depeg",
        startDate: "2026-03-09",
        endDate: null,
        summary: "Traded at $0.97.",
        lowestPrice: "0.97",
        reserveExposure: { value: "3300000000", precision: "rounded" },
        sourceUrl: "https://news.example/x",
      }),
    };
    const en = renderAlertMessage(stress, ctx("en"));
    expect(en.subject).toBe("Acme <USD>: stress event recorded (Depeg)");
    expect(en.text).toContain("Lowest price: $0.97");
    expect(en.text).toContain("Reserve exposure: ≈ $3.3 B");
    expect(renderAlertMessage(stress, ctx("es")).subject).toBe("Acme <USD>: evento de estrés registrado (Pérdida de paridad)");

    const band: AlertEventView = {
      id: "10",
      kind: "price_band",
      occurredAt: "2026-03-11T00:00:00.000Z",
      payload: priceBandPayload(
        issuer,
        "ACME",
        { startDate: "2026-03-09", endDate: "2026-03-11", lowestPrice: "0.9912", maxDeviationBp: -88, lastPrice: "0.993" },
        50,
      ),
    };
    expect(alertSubject(band, "en")).toBe("Acme <USD>: ACME outside $1 ± 0.5%");
    expect(renderAlertMessage(band, ctx("en")).text).toContain("Largest deviation from $1: -0.88%");
    expect(alertSubject(band, "pt")).toBe("Acme <USD>: ACME fora de US$ 1 ± 0,5%");
  });

  it("a supply divergence keeps the attested figure's precision in the computed difference", () => {
    const e: AlertEventView = {
      id: "11",
      kind: "supply_divergence",
      occurredAt: "2026-03-11T00:00:00.000Z",
      payload: supplyDivergencePayload(issuer, {
        supply: "1030000.5",
        supplyComplete: true,
        readAt: "2026-03-11T00:00:00.000Z",
        attested: { value: "1000000", precision: "rounded" },
        attestedAsOf: "2026-01-31",
        attestedAsOfPrecision: "day",
        thresholdPct: 2,
        sourceUrl: null,
      }),
    };
    const text = renderAlertMessage(e, ctx("en")).text;
    expect(text).toContain("Supply read on-chain: ≈ 1,030,001 tokens");
    expect(text).toContain("Difference (computed): ≈ +3.00%");
    expect(alertSubject(e, "en")).toBe("Acme <USD>: live supply ≈ +3.00% from the last report");
  });
});

describe("digest, confirmation, webhook body", () => {
  it("a digest lists each event under its own heading, once, with one footer", () => {
    const second = {
      ...published,
      id: "12",
      kind: "report_retracted" as const,
      payload: { ...published.payload, facts: { ...published.payload.facts, reason: "Wrong figures" } },
    };
    const d = renderDigest([published, second], { ...ctx("en"), date: "2026-02-20" });
    expect(d.subject).toBe("USD1 Backed: 2 alerts on 2026-02-20");
    expect(d.text).toContain("reserve report as of 2026-01-31 published");
    expect(d.text).toContain("Reason: Wrong figures.");
    expect(d.text.match(/Unsubscribe:/g)).toHaveLength(1);
    expect(renderDigest([published], { ...ctx("es"), date: "2026-02-20" }).subject).toBe("USD1 Backed: 1 alerta del 20 feb 2026");
  });

  it("the confirmation names what would be sent and the link, and nothing else", () => {
    for (const locale of ALERT_LOCALES) {
      const c = renderConfirmation({
        locale,
        confirmUrl: "https://usd1.example/api/alerts/confirm?token=C",
        issuerName: null,
        kinds: ["report_published", "report_overdue"],
        digest: true,
        expiresHours: 48,
      });
      expect(c.text).toContain("https://usd1.example/api/alerts/confirm?token=C");
      expect(c.text).toContain("48");
      expect(c.text).not.toContain("unsubscribe?token");
    }
    expect(
      renderConfirmation({ locale: "pt", confirmUrl: "u", issuerName: "Acme", kinds: ["stress_event"], digest: false, expiresHours: 48 })
        .text,
    ).toContain("Evento de estresse registrado");
  });

  it("the webhook body matches the documented schema, with the page in the subscription's language", () => {
    const body = webhookBody(published, { locale: "es", baseUrl: "https://usd1.example" });
    expect(alertWebhookSchema.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true);
    expect(body.links).toEqual({ page: "https://usd1.example/es/issuers/acme-usd", source: "https://acme.example/report.pdf" });
    expect(body.figures[0]).toEqual({ key: "total_reserves", value: "39700000000", bound: "approx", unit: "usd", text: "≈ $39.7 B" });
    expect(body.summary).toMatch(/^Acme <USD>: publicado/);
  });

  it("the webhook body is what the OpenAPI document says a receiver gets", () => {
    const doc = openApiDocument() as {
      webhooks: { alert: { post: { requestBody: { content: { "application/json": { schema: unknown } } } } } };
    };
    expect(doc.webhooks.alert.post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/AlertWebhook" });
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(doc, "openapi.json");
    const validate = ajv.compile({ $ref: "openapi.json#/components/schemas/AlertWebhook" });
    const body = JSON.parse(JSON.stringify(webhookBody(published, { locale: "en", baseUrl: "https://usd1.example" })));
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    // a float where a decimal string belongs is refused by the document
    body.figures[0].value = 39700000000;
    expect(validate(body)).toBe(false);
  });
});
