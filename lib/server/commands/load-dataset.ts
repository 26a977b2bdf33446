import "server-only";

// Loads a whole dataset (the demo set, the public-reports pack) through the
// same validation as every other write: all records are checked first, every
// problem is reported with its place, and the write is all or nothing.
import type { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { datasetSchema } from "@/lib/domain/schemas/dataset";
import { issuerRow, licenceRows } from "@/lib/server/records/issuer";
import { attestationFields, compositionRows } from "@/lib/server/records/report";
import { stressEventFields } from "@/lib/server/records/stress-event";

import { recordDatasetLoad } from "./dataset-loads";
import { defineCommand, type AuditEntry, type Outcome } from "./define";

export interface LoadProblem {
  /** e.g. "attestations[12].report.totalReserves.value" */
  where: string;
  message: string;
}

export type LoadResult = { ok: true; issuers: number; attestations: number; stressEvents: number } | { ok: false; problems: LoadProblem[] };

/** A dataset refused by its schema: every problem with its place, for the loader and the re-import to locate in the pack. */
export function datasetProblems(error: z.ZodError): LoadProblem[] {
  return error.issues.map((i) => ({
    where: i.path
      .map(String)
      .join(".")
      .replace(/\.(\d+)/g, "[$1]"),
    message: i.message,
  }));
}

const load = defineCommand({
  name: "load dataset",
  role: "admin",
  system: true,
  schema: datasetSchema,
  invalid: (error): LoadResult => ({ ok: false, problems: datasetProblems(error) }),
  transaction: { timeout: 300_000, maxWait: 10_000 },
  async run(tx, data): Promise<Outcome<LoadResult>> {
    const slugs = new Set(data.issuers.map((i) => i.slug));
    const problems: LoadProblem[] = [];
    data.attestations.forEach((a, i) => {
      if (!slugs.has(a.report.issuerSlug))
        problems.push({ where: `attestations[${i}].report.issuerSlug`, message: `no issuer "${a.report.issuerSlug}" in this dataset` });
      a.corrections.forEach((c, j) => {
        if (c.report.issuerSlug !== a.report.issuerSlug || c.report.asOf !== a.report.asOf || c.report.reportType !== a.report.reportType)
          problems.push({
            where: `attestations[${i}].corrections[${j}]`,
            message: "a correction must keep the issuer, as-of date and report type",
          });
      });
      if (a.state === "retracted" && !a.retractedReason)
        problems.push({ where: `attestations[${i}].retractedReason`, message: "a retraction needs a reason" });
      if (a.state !== "draft" && !a.report.reportUrl && !a.report.sourceUrl)
        problems.push({ where: `attestations[${i}].report.reportUrl`, message: "a published report needs a report or source URL" });
    });
    data.stressEvents.forEach((e, i) => {
      if (!slugs.has(e.issuerSlug))
        problems.push({ where: `stressEvents[${i}].issuerSlug`, message: `no issuer "${e.issuerSlug}" in this dataset` });
    });
    if (problems.length) return { data: { ok: false, problems }, audit: null };

    const now = new Date();
    const audit: AuditEntry[] = [];
    const issuerIds = new Map<string, string>();
    for (const i of data.issuers) {
      const created = await tx.issuer.create({
        data: {
          ...issuerRow(i, data.isDemo),
          licences: { create: licenceRows(i) },
          counterparties: { create: i.counterparties },
        },
        select: { id: true },
      });
      issuerIds.set(i.slug, created.id);
      audit.push({ action: "create", entityType: "issuer", entityId: created.id, after: i, reason: data.label });
    }
    for (const a of data.attestations) {
      const last = a.corrections.at(-1)?.report ?? a.report;
      const created = await tx.attestation.create({
        data: {
          issuerId: issuerIds.get(a.report.issuerSlug)!,
          ...attestationFields(last),
          state: a.state,
          retractedReason: a.state === "retracted" ? a.retractedReason! : null,
          retractedAt: a.state === "retracted" ? now : null,
          firstPublishedAt: a.state === "draft" ? null : now,
          revision: a.corrections.length + 1,
        },
        select: { id: true },
      });
      await tx.compositionLine.createMany({ data: compositionRows(created.id, last) });
      // Earlier versions stay visible as history: revision n holds the values before correction n.
      const versions = [a.report, ...a.corrections.map((c) => c.report)];
      if (a.corrections.length) {
        await tx.attestationRevision.createMany({
          data: a.corrections.map((c, n) => ({
            attestationId: created.id,
            revision: n + 1,
            snapshot: versions[n]! as object,
            reason: c.reason,
          })),
        });
      }
      audit.push({
        action: a.state === "draft" ? "create" : "publish",
        entityType: "attestation",
        entityId: created.id,
        after: a,
        reason: data.label,
      });
      // Each correction the dataset records is a change of its own, with its reason (the public changelog lists it).
      a.corrections.forEach((c, n) =>
        audit.push({
          action: "correct",
          entityType: "attestation",
          entityId: created.id,
          after: { revision: n + 2, report: c.report },
          reason: c.reason,
        }),
      );
    }
    for (const e of data.stressEvents) {
      const created = await tx.stressEvent.create({
        data: {
          issuerId: issuerIds.get(e.issuerSlug)!,
          ...stressEventFields(e),
          sources: { create: e.sources },
        },
        select: { id: true },
      });
      audit.push({ action: "create", entityType: "stress_event", entityId: created.id, after: e, reason: data.label });
    }
    const counts = { issuers: data.issuers.length, attestations: data.attestations.length, stressEvents: data.stressEvents.length };
    await recordDatasetLoad(tx, "load", data, counts);
    return { data: { ok: true, ...counts }, audit };
  },
});

/** Loads a dataset into an empty database, as the system actor `actorLabel` (the seed, tests). */
export async function loadDataset(prisma: PrismaClient, input: unknown, actorLabel: string): Promise<LoadResult> {
  return (await load.asSystem(prisma, { id: null, label: actorLabel, role: "admin" }, input)).data;
}
