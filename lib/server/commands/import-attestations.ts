import "server-only";

// Bulk import of reports (an editor's CSV in the export format: reports.csv,
// optionally composition.csv). Every row is checked first and every problem
// reported by file, line and column; then all rows are written in one
// transaction, or none.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/dates";
import { locateProblem, PackError, packToDataset, type PackFiles, type PackProblem } from "@/lib/domain/import/public-pack";
import { asOfParts, type AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { ATTESTATION_STATES } from "@/lib/domain/taxonomy";
import { recordReportAlerts } from "@/lib/server/alerts/outbox";

import { attestationFields } from "./rows";

export type ImportResult =
  | { ok: true; dryRun: boolean; reports: number; compositionLines: number; byIssuer: Record<string, number> }
  | { ok: false; problems: PackProblem[] };

const BATCH = 1_000;

export async function importAttestations(
  prisma: PrismaClient,
  files: Pick<PackFiles, "reports" | "composition" | "lines" | "headers">,
  actor: { id: string | null; label: string; role: "editor" | "admin" },
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  let pack;
  try {
    pack = packToDataset({
      issuers: [],
      stressEvents: [],
      ...files,
      headers: files.headers ? { reports: files.headers.reports, composition: files.headers.composition } : undefined,
    });
  } catch (err) {
    if (err instanceof PackError) return { ok: false, problems: err.problems };
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
    (await prisma.issuer.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((i) => [i.slug, i.id]),
  );
  const key = (slug: string, asOf: string, type: string) => `${slug}|${asOfParts(asOf).asOf}|${type}`;
  const existing = new Set(
    (
      await prisma.attestation.findMany({
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
    return { ok: false, problems };
  }

  const byIssuer: Record<string, number> = {};
  for (const v of valid) byIssuer[v.input.issuerSlug] = (byIssuer[v.input.issuerSlug] ?? 0) + 1;
  const lineCount = valid.reduce((s, v) => s + v.input.composition.length, 0);
  if (opts.dryRun) return { ok: true, dryRun: true, reports: valid.length, compositionLines: lineCount, byIssuer };

  const now = new Date();
  await prisma.$transaction(
    async (tx) => {
      for (let start = 0; start < valid.length; start += BATCH) {
        const batch = valid.slice(start, start + BATCH);
        const created = await tx.attestation.createManyAndReturn({
          data: batch.map((v) => ({
            issuerId: issuers.get(v.input.issuerSlug)!,
            ...attestationFields(v.input),
            state: v.state,
            retractedReason: v.state === "retracted" ? v.retractedReason : null,
            retractedAt: v.state === "retracted" ? now : null,
            firstPublishedAt: v.state === "draft" ? null : now,
          })),
          select: { id: true, issuerId: true, asOf: true, reportType: true },
        });
        // createManyAndReturn does not promise input order: match rows back by their unique key.
        const ids = new Map(created.map((c) => [`${c.issuerId}|${c.asOf.toISOString().slice(0, 10)}|${c.reportType}`, c.id]));
        const idOf = (v: (typeof batch)[number]) =>
          ids.get(
            `${issuers.get(v.input.issuerSlug)}|${toUtcDate(asOfParts(v.input.asOf).asOf).toISOString().slice(0, 10)}|${v.input.reportType}`,
          )!;
        await tx.compositionLine.createMany({
          data: batch.flatMap((v) =>
            v.input.composition.map((l) => ({
              attestationId: idOf(v),
              category: l.category,
              amountUsd: l.amountUsd?.value ?? null,
              amountPrecision: l.amountUsd?.precision ?? null,
              sharePct: l.sharePct,
              custodian: l.custodian ?? "",
              maturity: l.maturity,
              sourceUrl: l.sourceUrl,
            })),
          ),
        });
        await tx.auditEntry.createMany({
          data: batch.map((v) => ({
            actorId: actor.id,
            actorLabel: actor.label,
            action: v.state === "draft" ? "create" : "publish",
            entityType: "attestation",
            entityId: idOf(v),
            after: v.input as object,
            reason: "bulk import",
          })),
        });
        await recordReportAlerts(tx, batch.filter((v) => v.state !== "draft").map(idOf)); // the alert outbox, in this transaction
      }
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  return { ok: true, dryRun: false, reports: valid.length, compositionLines: lineCount, byIssuer };
}
