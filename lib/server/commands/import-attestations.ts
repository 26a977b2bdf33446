import "server-only";

// Bulk import of reports (an editor's CSV in the export format: reports.csv,
// optionally composition.csv). Every row is checked first and every problem
// reported by file, line and column; then all rows are written in one
// transaction, or none.
import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { locateProblem, PackError, packToDataset, type PackFiles, type PackProblem } from "@/lib/domain/import/public-pack";
import { asOfParts, type AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { ATTESTATION_STATES } from "@/lib/domain/taxonomy";
import { recordReportAlerts } from "@/lib/server/alerts/outbox";
import { TAGS } from "@/lib/server/queries/tags";
import { cuid, insertMany } from "@/lib/server/records/insert-many";
import { attestationFields, compositionRows } from "@/lib/server/records/report";

import { defineCommand, type AuditEntry, type Outcome, type SystemActor } from "./define";

export type ImportResult =
  | { ok: true; dryRun: boolean; reports: number; compositionLines: number; byIssuer: Record<string, number> }
  | { ok: false; problems: PackProblem[] };

export type ImportFiles = Pick<PackFiles, "reports" | "composition" | "lines" | "headers">;

const BATCH = 1_000;

const csvRows = z.array(z.record(z.string(), z.string()));
const byFile = <T extends z.ZodType>(s: T) => z.object({ reports: s, composition: s }).partial().optional();

/**
 * The files as read, or the problem that stopped one being read (a CSV syntax
 * or encoding error, found before any row is checked), answered like a row's.
 */
const importRequest = z.union([
  z.object({
    dryRun: z.boolean(),
    files: z.object({ reports: csvRows, composition: csvRows, lines: byFile(z.array(z.number())), headers: byFile(z.array(z.string())) }),
  }),
  z.object({
    dryRun: z.boolean(),
    unreadable: z.object({ file: z.string(), line: z.number(), column: z.string(), message: z.string() }),
  }),
]);
export type ImportRequest = z.input<typeof importRequest>;

/** The editor's import (app/api/editor/import); scripts and tests call importAttestations. */
export const bulkImport = defineCommand({
  name: "bulk import",
  role: "editor",
  system: true,
  schema: importRequest,
  transaction: { timeout: 600_000, maxWait: 10_000 },
  async run(tx, request, { actor }): Promise<Outcome<ImportResult>> {
    if ("unreadable" in request) return { data: { ok: false, problems: [request.unreadable] }, audit: null };
    const { files, dryRun } = request;
    let pack;
    try {
      pack = packToDataset({
        issuers: [],
        stressEvents: [],
        ...files,
        headers: files.headers ? { reports: files.headers.reports, composition: files.headers.composition } : undefined,
      });
    } catch (err) {
      if (err instanceof PackError) return { data: { ok: false, problems: err.problems }, audit: null };
      throw err;
    }
    const problems: PackProblem[] = [];
    const at = (i: number, where: string, message: string) => problems.push(locateProblem(pack, `attestations[${i}].${where}`, message));
    const rows = pack.dataset.attestations;
    const valid: { input: AttestationInput; state: "draft" | "published" | "retracted"; retractedReason: string | null }[] = [];
    rows.forEach((row, i) => {
      // The very schema the editor form and the editor API parse with: same rules, same messages.
      const parsed = attestationEditorInput.safeParse(row.report);
      const state = row.state ?? "published";
      const stateKnown = (ATTESTATION_STATES as readonly string[]).includes(state);
      if (!stateKnown) at(i, "state", `must be one of: ${ATTESTATION_STATES.join(", ")} (written in lower case)`);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          at(
            i,
            `report.${issue.path
              .map(String)
              .join(".")
              .replace(/\.(\d+)/g, "[$1]")}`,
            issue.message,
          );
        return;
      }
      if (!stateKnown) return;
      // Retracting is an admin's decision in the editor; so it is in an import.
      if (state === "retracted" && actor.role !== "admin") at(i, "state", "only an admin may import a report as retracted");
      if (state !== "draft" && !parsed.data.reportUrl && !parsed.data.sourceUrl)
        at(i, "report.reportUrl", "a published report needs a report or source URL");
      if (state === "retracted" && !row.retractedReason) at(i, "retractedReason", "a retracted report needs a reason");
      valid.push({ input: parsed.data, state, retractedReason: row.retractedReason ?? null });
    });

    // Issuers must exist; the same report may not appear twice, in the file or in the database.
    const slugs = [...new Set(rows.map((r) => r.report.issuerSlug))];
    const issuers = new Map(
      (await tx.issuer.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((i) => [i.slug, i.id]),
    );
    const key = (slug: string, asOf: string, type: string) => `${slug}|${asOfParts(asOf).asOf}|${type}`;
    const existing = new Set(
      (
        await tx.attestation.findMany({
          where: { issuer: { slug: { in: slugs } } },
          select: { asOf: true, reportType: true, issuer: { select: { slug: true } } },
        })
      ).map((a) => key(a.issuer.slug, a.asOf.toISOString().slice(0, 10), a.reportType)),
    );
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const r = row.report;
      if (!issuers.has(r.issuerSlug)) return at(i, "report.issuerSlug", `no issuer "${r.issuerSlug}": create it first`);
      if (!r.asOf || !r.reportType) return;
      const k = key(r.issuerSlug, r.asOf, r.reportType);
      if (existing.has(k))
        at(i, "report.asOf", `a ${r.reportType} of ${r.issuerSlug} as of ${r.asOf} already exists; correct it in the editor instead`);
      const first = seen.get(k);
      if (first !== undefined) at(i, "report.asOf", `repeats the report on line ${pack.origins.attestations[first]!.line}`);
      else seen.set(k, i);
    });
    if (problems.length) {
      problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column.localeCompare(b.column));
      return { data: { ok: false, problems }, audit: null };
    }

    const byIssuer: Record<string, number> = {};
    for (const v of valid) byIssuer[v.input.issuerSlug] = (byIssuer[v.input.issuerSlug] ?? 0) + 1;
    const lineCount = valid.reduce((s, v) => s + v.input.composition.length, 0);
    if (dryRun) return { data: { ok: true, dryRun: true, reports: valid.length, compositionLines: lineCount, byIssuer }, audit: null };

    const now = new Date();
    const audit: AuditEntry[] = [];
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      // Ids made here, as Prisma's client makes them, so the lines and the audit need no read back.
      const ids = batch.map(() => cuid());
      await insertMany(
        tx,
        "Attestation",
        batch.map((v, i) => ({
          id: ids[i]!,
          issuerId: issuers.get(v.input.issuerSlug)!,
          ...attestationFields(v.input),
          state: v.state,
          retractedReason: v.state === "retracted" ? v.retractedReason : null,
          retractedAt: v.state === "retracted" ? now : null,
          firstPublishedAt: v.state === "draft" ? null : now,
        })),
      );
      await insertMany(
        tx,
        "CompositionLine",
        batch.flatMap((v, i) => compositionRows(ids[i]!, v.input)),
      );
      batch.forEach((v, i) =>
        audit.push({
          action: v.state === "draft" ? "create" : "publish",
          entityType: "attestation",
          entityId: ids[i]!,
          after: v.input,
          reason: "bulk import",
        }),
      );
      await recordReportAlerts(
        tx,
        ids.filter((_, i) => batch[i]!.state !== "draft"),
      ); // the alert outbox, in this transaction
    }
    return {
      data: { ok: true, dryRun: false, reports: valid.length, compositionLines: lineCount, byIssuer },
      tags: [TAGS.attestations, TAGS.issuers, ...Object.keys(byIssuer).map(TAGS.issuer)],
      audit,
    };
  },
});

/** The import for scripts and tests, as a system actor. */
export async function importAttestations(
  prisma: PrismaClient,
  files: ImportFiles,
  actor: SystemActor,
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  return (await bulkImport.asSystem(prisma, actor, { files, dryRun: opts.dryRun ?? false })).data;
}
