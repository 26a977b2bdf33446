import "server-only";

// Re-imports a newer edition of a dataset (the public-reports pack) into a
// database that already holds an earlier one: unchanged rows stay, changed
// cells become corrections (reports keep the earlier values as a revision;
// issuers and stress events keep them in the audit entry), new rows are added;
// nothing is duplicated and nothing is deleted (rows missing from the new
// edition are listed, and kept).
//
// Every field of every record takes part: each stored record is mapped back to
// its input shape (the same mapping the editor forms use) and compared with the
// new one cell by cell (lib/domain/editor/diff.ts), so a field added to a schema
// is compared without anyone listing it here.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import { changedTopFields, diffValues, RECORD_ELEMENT_KEYS, type FieldDiff } from "@/lib/domain/editor/diff";
import { asOfParts } from "@/lib/domain/schemas/attestation";
import { datasetSchema } from "@/lib/domain/schemas/dataset";
import type { IssuerInput } from "@/lib/domain/schemas/issuer";
import { issuerRow, issuerWithLists, licenceRows, storedIssuerToInput } from "@/lib/server/records/issuer";
import { attestationFields, attestationWithLines, compositionRows, storedToInput } from "@/lib/server/records/report";
import { storedStressToInput, stressEventFields, stressWithSources } from "@/lib/server/records/stress-event";

import { applyCorrection, reportChanges } from "./corrections";
import { recordDatasetLoad } from "./dataset-loads";
import { defineCommand, type AuditEntry, type Context, type Outcome } from "./define";
import { datasetProblems, type LoadProblem } from "./load-dataset";

export interface ReimportSummary {
  issuers: { added: string[]; updated: string[]; unchanged: number; notInDataset: string[] };
  reports: { added: string[]; corrected: string[]; unchanged: number; notInDataset: string[] };
  stressEvents: { added: number; updated: number; unchanged: number; notInDataset: number };
  /** Per updated or corrected record (its label), the cells that changed ("totalReserves.value", "composition[gov_mmf]"). */
  changedCells: Record<string, string[]>;
}

export type ReimportResult = { ok: true; dryRun: boolean; summary: ReimportSummary } | { ok: false; problems: LoadProblem[] };

const changes = (before: object, after: object, ignore: string[] = []): FieldDiff[] =>
  diffValues(before, after, ignore, RECORD_ELEMENT_KEYS);

/** Only the named top-level fields of a record: what an audit entry keeps of a partial change. */
const pick = (record: object, fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, (record as Record<string, unknown>)[f] ?? null]));

const reimport = defineCommand({
  name: "re-import dataset",
  role: "admin",
  system: true,
  schema: datasetSchema,
  invalid: (error): ReimportResult => ({ ok: false, problems: datasetProblems(error) }),
  transaction: { timeout: 300_000, maxWait: 10_000 },
  async run(tx, data, { actor, params: [dryRun] }: Context<[dryRun: boolean], "admin", true>): Promise<Outcome<ReimportResult>> {
    const reason = `Re-import of ${data.label}: the newer edition gives different values`;
    const summary: ReimportSummary = {
      issuers: { added: [], updated: [], unchanged: 0, notInDataset: [] },
      reports: { added: [], corrected: [], unchanged: 0, notInDataset: [] },
      stressEvents: { added: 0, updated: 0, unchanged: 0, notInDataset: 0 },
      changedCells: {},
    };
    const audit: AuditEntry[] = [];
    const issuerIds = new Map<string, string>();
    const existingIssuers = await tx.issuer.findMany({ include: issuerWithLists });
    for (const i of data.issuers) {
      const stored = existingIssuers.find((e) => e.slug === i.slug);
      if (!stored) {
        const created = await tx.issuer.create({
          data: { ...issuerRow(i, data.isDemo), licences: { create: licenceRows(i) }, counterparties: { create: i.counterparties } },
          select: { id: true },
        });
        issuerIds.set(i.slug, created.id);
        summary.issuers.added.push(i.slug);
        audit.push({ action: "create", entityType: "issuer", entityId: created.id, after: i, reason: data.label });
        continue;
      }
      issuerIds.set(i.slug, stored.id);
      const before = storedIssuerToInput(stored);
      const diff = changes(before, i, ["slug"]);
      if (!diff.length) {
        summary.issuers.unchanged += 1;
        continue;
      }
      await updateIssuer(tx, stored.id, stored.isDemo, i);
      const fields = changedTopFields(diff);
      summary.issuers.updated.push(i.slug);
      summary.changedCells[`issuer ${i.slug}`] = diff.map((d) => d.field);
      audit.push({
        action: "update",
        entityType: "issuer",
        entityId: stored.id,
        before: pick(before, fields),
        after: pick(i, fields),
        reason: `${reason} (changed: ${fields.join(", ")})`,
      });
    }
    summary.issuers.notInDataset = existingIssuers.filter((e) => !data.issuers.some((i) => i.slug === e.slug)).map((e) => e.slug);

    const storedReports = await tx.attestation.findMany({ include: attestationWithLines });
    const key = (slug: string, asOf: string, type: string) => `${slug}|${asOf}|${type}`;
    const byKey = new Map(storedReports.map((a) => [key(a.issuer.slug, fromUtcDate(a.asOf), a.reportType), a]));
    const seen = new Set<string>();
    for (const a of data.attestations) {
      const latest = a.corrections.at(-1)?.report ?? a.report;
      const k = key(latest.issuerSlug, asOfParts(latest.asOf).asOf, latest.reportType);
      seen.add(k);
      const stored = byKey.get(k);
      const label = `${latest.issuerSlug} ${latest.asOf} ${latest.reportType}`;
      if (!stored) {
        const created = await tx.attestation.create({
          data: {
            issuerId: issuerIds.get(latest.issuerSlug)!,
            ...attestationFields(latest),
            state: "published",
            firstPublishedAt: new Date(),
          },
          select: { id: true },
        });
        await tx.compositionLine.createMany({ data: compositionRows(created.id, latest) });
        summary.reports.added.push(label);
        audit.push({
          action: "publish",
          entityType: "attestation",
          entityId: created.id,
          after: latest,
          reason: data.label,
        });
        continue;
      }
      const diff = reportChanges(storedToInput(stored), latest);
      if (!diff.length) summary.reports.unchanged += 1;
      else {
        audit.push(await applyCorrection(tx, stored, latest, reason, actor.id));
        summary.reports.corrected.push(label);
        summary.changedCells[`report ${label}`] = diff.map((d) => d.field);
      }
    }
    summary.reports.notInDataset = storedReports
      .filter((a) => !seen.has(key(a.issuer.slug, fromUtcDate(a.asOf), a.reportType)))
      .map((a) => `${a.issuer.slug} ${fromUtcDate(a.asOf)} ${a.reportType}`);

    // A stress event is the same event when issuer, start date and kind agree; its first
    // source tells apart two events of one kind that started on the same day.
    const storedEvents = await tx.stressEvent.findMany({ include: stressWithSources });
    const loose = (slug: string, start: string | null, kind: string) => `${slug}|${start ?? ""}|${kind}`;
    const unmatched = new Set(storedEvents);
    const findEvent = (e: (typeof data.stressEvents)[number]) => {
      const candidates = [...unmatched].filter(
        (s) => loose(s.issuer.slug, s.startDate && fromUtcDate(s.startDate), s.kind) === loose(e.issuerSlug, e.startDate, e.kind),
      );
      const found =
        candidates.find((s) => s.sources.some((src) => src.url === e.sources[0]?.url)) ??
        (candidates.length === 1 ? candidates[0] : undefined);
      if (found) unmatched.delete(found);
      return found;
    };
    for (const e of data.stressEvents) {
      const stored = findEvent(e);
      if (!stored) {
        const created = await tx.stressEvent.create({
          data: { issuerId: issuerIds.get(e.issuerSlug)!, ...stressEventFields(e), sources: { create: e.sources } },
          select: { id: true },
        });
        summary.stressEvents.added += 1;
        audit.push({ action: "create", entityType: "stress_event", entityId: created.id, after: e, reason: data.label });
        continue;
      }
      const before = storedStressToInput(stored);
      const diff = changes(before, e);
      if (!diff.length) {
        summary.stressEvents.unchanged += 1;
        continue;
      }
      await tx.stressSource.deleteMany({ where: { stressEventId: stored.id } });
      await tx.stressEvent.update({
        where: { id: stored.id },
        data: { ...stressEventFields(e), version: { increment: 1 }, sources: { create: e.sources } },
      });
      summary.stressEvents.updated += 1;
      summary.changedCells[`stress event ${e.issuerSlug} ${e.startDate ?? "(no date)"} ${e.kind}`] = diff.map((d) => d.field);
      audit.push({
        action: "update",
        entityType: "stress_event",
        entityId: stored.id,
        before,
        after: e,
        reason: `${reason} (changed: ${changedTopFields(diff).join(", ")})`,
      });
    }
    summary.stressEvents.notInDataset = unmatched.size;
    await recordDatasetLoad(tx, "reimport", data, summary);
    return { data: { ok: true, dryRun, summary }, audit, rollBack: dryRun };
  },
});

/** Re-imports a newer edition as the system actor `actorLabel` (scripts/import-pack.ts, tests); a dry run writes nothing. */
export async function reimportDataset(
  prisma: PrismaClient,
  input: unknown,
  actorLabel: string,
  opts: { dryRun?: boolean } = {},
): Promise<ReimportResult> {
  return (await reimport.asSystem(prisma, { id: null, label: actorLabel, role: "admin" }, opts.dryRun ?? false, input)).data;
}

async function updateIssuer(tx: Prisma.TransactionClient, id: string, isDemo: boolean, next: IssuerInput) {
  await tx.licence.deleteMany({ where: { issuerId: id } });
  await tx.counterparty.deleteMany({ where: { issuerId: id } });
  await tx.issuer.update({
    where: { id },
    data: {
      ...issuerRow(next, isDemo),
      version: { increment: 1 },
      licences: { create: licenceRows(next) },
      counterparties: { create: next.counterparties },
    },
  });
}
