import "server-only";
// Re-imports a newer version of a dataset (the public-reports pack) into a
// database that already holds an earlier one: unchanged rows stay, changed
// report figures become corrections with revision history, new rows are
// added; nothing is duplicated and nothing is deleted (rows missing from the
// new version are listed, and kept).
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/dates";
import { asOfParts } from "@/lib/domain/schemas/attestation";
import { datasetSchema } from "@/lib/domain/schemas/dataset";
import type { LoadProblem } from "./load-dataset";
import { attestationFields, compositionRows, issuerRow, stressEventFields } from "./rows";
import { applyCorrection, attestationWithLines, sameReport, storedToInput } from "./corrections";

export interface ReimportSummary {
  issuers: { added: string[]; updated: string[]; unchanged: number; notInDataset: string[] };
  reports: { added: string[]; corrected: string[]; unchanged: number; notInDataset: string[] };
  stressEvents: { added: number; updated: number; unchanged: number; notInDataset: number };
}

export type ReimportResult = { ok: true; dryRun: boolean; summary: ReimportSummary } | { ok: false; problems: LoadProblem[] };

class DryRun extends Error {}

const ISSUER_FIELDS = ["name", "tokenSymbols", "legalEntity", "website", "homeJurisdiction", "backingModel", "status", "declaredCadence", "chains", "description", "redemptionEligibility", "redemptionFee", "redemptionSettlement", "attestationFirms", "sourceUrl"] as const;

export async function reimportDataset(prisma: PrismaClient, input: unknown, actorLabel: string, opts: { dryRun?: boolean } = {}): Promise<ReimportResult> {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ where: i.path.map(String).join(".").replace(/\.(\d+)/g, "[$1]"), message: i.message })) };
  }
  const data = parsed.data;
  const reason = `Re-import of ${data.label}: the newer version gives different figures`;
  const summary: ReimportSummary = {
    issuers: { added: [], updated: [], unchanged: 0, notInDataset: [] },
    reports: { added: [], corrected: [], unchanged: 0, notInDataset: [] },
    stressEvents: { added: 0, updated: 0, unchanged: 0, notInDataset: 0 },
  };
  const actor = { id: null, label: actorLabel };
  try {
    await prisma.$transaction(
      async (tx) => {
        const audit: Prisma.AuditEntryCreateManyInput[] = [];
        const issuerIds = new Map<string, string>();
        const existingIssuers = await tx.issuer.findMany();
        for (const i of data.issuers) {
          const stored = existingIssuers.find((e) => e.slug === i.slug);
          const row = issuerRow(i, data.isDemo);
          if (!stored) {
            const created = await tx.issuer.create({ data: { ...row, counterparties: { create: i.counterparties } }, select: { id: true } });
            issuerIds.set(i.slug, created.id);
            summary.issuers.added.push(i.slug);
            audit.push({ actorLabel, action: "create", entityType: "issuer", entityId: created.id, after: i, reason: data.label });
            continue;
          }
          issuerIds.set(i.slug, stored.id);
          const changed = ISSUER_FIELDS.filter((f) => JSON.stringify(stored[f]) !== JSON.stringify(row[f]));
          if (changed.length) {
            await tx.issuer.update({ where: { id: stored.id }, data: { ...Object.fromEntries(changed.map((f) => [f, row[f]])), version: { increment: 1 } } });
            summary.issuers.updated.push(i.slug);
            audit.push({
              actorLabel, action: "update", entityType: "issuer", entityId: stored.id,
              before: Object.fromEntries(changed.map((f) => [f, stored[f]])), after: Object.fromEntries(changed.map((f) => [f, row[f]])),
              reason: `${data.label}: ${changed.join(", ")} changed`,
            });
          } else summary.issuers.unchanged += 1;
        }
        summary.issuers.notInDataset = existingIssuers.filter((e) => !data.issuers.some((i) => i.slug === e.slug)).map((e) => e.slug);

        const storedReports = await tx.attestation.findMany({ include: attestationWithLines });
        const key = (slug: string, asOf: string, type: string) => `${slug}|${asOf}|${type}`;
        const byKey = new Map(storedReports.map((a) => [key(a.issuer.slug, a.asOf.toISOString().slice(0, 10), a.reportType), a]));
        const seen = new Set<string>();
        for (const a of data.attestations) {
          const latest = a.corrections.at(-1)?.report ?? a.report;
          const k = key(latest.issuerSlug, asOfParts(latest.asOf).asOf, latest.reportType);
          seen.add(k);
          const stored = byKey.get(k);
          const label = `${latest.issuerSlug} ${latest.asOf} ${latest.reportType}`;
          if (!stored) {
            const created = await tx.attestation.create({
              data: { issuerId: issuerIds.get(latest.issuerSlug)!, ...attestationFields(latest), state: "published", firstPublishedAt: new Date() },
              select: { id: true },
            });
            await tx.compositionLine.createMany({ data: compositionRows(created.id, latest) });
            summary.reports.added.push(label);
            audit.push({ actorLabel, action: "publish", entityType: "attestation", entityId: created.id, after: latest, reason: data.label });
          } else if (sameReport(storedToInput(stored), latest)) {
            summary.reports.unchanged += 1;
          } else {
            await applyCorrection(tx, stored, latest, reason, actor);
            summary.reports.corrected.push(label);
          }
        }
        summary.reports.notInDataset = storedReports
          .filter((a) => !seen.has(key(a.issuer.slug, a.asOf.toISOString().slice(0, 10), a.reportType)))
          .map((a) => `${a.issuer.slug} ${a.asOf.toISOString().slice(0, 10)} ${a.reportType}`);

        const storedEvents = await tx.stressEvent.findMany({ include: { sources: true, issuer: { select: { slug: true } } } });
        const eventKey = (slug: string, start: string | null, kind: string, url: string | undefined) => `${slug}|${start ?? ""}|${kind}|${url ?? ""}`;
        const eventsByKey = new Map(storedEvents.map((e) => [eventKey(e.issuer.slug, e.startDate?.toISOString().slice(0, 10) ?? null, e.kind, e.sources[0]?.url), e]));
        const seenEvents = new Set<string>();
        for (const e of data.stressEvents) {
          const k = eventKey(e.issuerSlug, e.startDate, e.kind, e.sources[0]?.url);
          seenEvents.add(k);
          const stored = eventsByKey.get(k);
          const fields = stressEventFields(e);
          if (!stored) {
            const created = await tx.stressEvent.create({ data: { issuerId: issuerIds.get(e.issuerSlug)!, ...fields, sources: { create: e.sources } }, select: { id: true } });
            summary.stressEvents.added += 1;
            audit.push({ actorLabel, action: "create", entityType: "stress_event", entityId: created.id, after: e, reason: data.label });
            continue;
          }
          const before = { endDate: stored.endDate?.toISOString().slice(0, 10) ?? null, lowestPrice: stored.lowestPrice?.toString() ?? null, exposure: stored.reserveExposureUsd?.toString() ?? null, summary: stored.summary };
          const after = { endDate: e.endDate, lowestPrice: e.lowestPrice, exposure: e.reserveExposureUsd?.value ?? null, summary: e.summary };
          const norm = (x: typeof before) => JSON.stringify({ ...x, lowestPrice: x.lowestPrice && Number(x.lowestPrice), exposure: x.exposure && Number(x.exposure) });
          if (norm(before) === norm(after)) summary.stressEvents.unchanged += 1;
          else {
            await tx.stressEvent.update({ where: { id: stored.id }, data: { ...fields, endDate: e.endDate ? toUtcDate(e.endDate) : null, version: { increment: 1 } } });
            summary.stressEvents.updated += 1;
            audit.push({ actorLabel, action: "update", entityType: "stress_event", entityId: stored.id, before, after, reason });
          }
        }
        summary.stressEvents.notInDataset = storedEvents.filter((e) => !seenEvents.has(eventKey(e.issuer.slug, e.startDate?.toISOString().slice(0, 10) ?? null, e.kind, e.sources[0]?.url))).length;
        if (audit.length) await tx.auditEntry.createMany({ data: audit });
        if (opts.dryRun) throw new DryRun();
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return { ok: true, dryRun: !!opts.dryRun, summary };
}
