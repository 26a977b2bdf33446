// insertMany (lib/server/records/insert-many.ts) writes the bulk import's reports, their lines and
// every audit entry in one statement per table instead of Prisma's createMany. It takes the very
// rows createMany takes, so the rows it stores must be the ones createMany stores, column for
// column: here both write every report of the shipped pack and of the all-fields dataset (cents,
// month-only dates, share-only lines, retracted reports), and audit entries with and without
// before/after, under twin issuers, and the stored rows are compared whole.
import { describe, expect, it } from "vitest";

import type { Prisma } from "@/lib/generated/prisma/client";
import { packToDataset } from "@/lib/domain/import/public-pack";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { cuid, insertMany } from "@/lib/server/records/insert-many";
import { attestationFields, compositionRows } from "@/lib/server/records/report";

import { readPack } from "../../scripts/lib/seed";
import { richDataset } from "../support/datasets";
import { freshDatabaseForFile } from "../support/db";

const db = freshDatabaseForFile();

type Way = "prisma" | "bulk";

/** Every stored column but the ones that differ by design (ids, the twin's issuer, write times), per twin. */
async function stored(way: Way) {
  const reports = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT to_jsonb(a) - 'id' - 'issuer_id' - 'created_at' - 'updated_at' - 'first_published_at' - 'retracted_at'
      || jsonb_build_object('issuer', substr(i.slug, length(${way}) + 2),
           'published_at_set', a.first_published_at IS NOT NULL, 'retracted_at_set', a.retracted_at IS NOT NULL) AS row
    FROM attestation a JOIN issuer i ON i.id = a.issuer_id
    WHERE i.slug LIKE ${way + "-%"}
    ORDER BY i.slug, a.as_of, a.report_type`;
  const lines = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT to_jsonb(l) - 'id' - 'attestation_id'
      || jsonb_build_object('report', substr(i.slug, length(${way}) + 2) || ' ' || a.as_of || ' ' || a.report_type) AS row
    FROM composition_line l JOIN attestation a ON a.id = l.attestation_id JOIN issuer i ON i.id = a.issuer_id
    WHERE i.slug LIKE ${way + "-%"}
    ORDER BY i.slug, a.as_of, a.report_type, l.category, l.custodian`;
  return { reports: reports.map((r) => r.row), lines: lines.map((r) => r.row) };
}

describe("insertMany", () => {
  it("stores every report, line and audit entry exactly as createMany does", async () => {
    const rich = richDataset();
    const datasets = [packToDataset(readPack()).dataset, rich.dataset];
    const slugs = [...new Set(datasets.flatMap((d) => d.issuers.map((i) => i.slug)))];
    const issuerIds = new Map<string, string>();
    for (const way of ["prisma", "bulk"] as const)
      for (const slug of slugs) {
        const issuer = await db.prisma.issuer.create({
          data: { slug: `${way}-${slug}`, name: slug, backingModel: "fiat_reserve", declaredCadence: "monthly" },
        });
        issuerIds.set(`${way}-${slug}`, issuer.id);
      }
    const now = new Date("2026-12-01T10:00:00.123Z");
    const reports = datasets.flatMap((d) =>
      d.attestations.map((a) => ({
        input: attestationEditorInput.parse(a.report),
        state: a.state ?? "published",
        retractedReason: a.retractedReason ?? null,
      })),
    );
    expect(reports.length).toBeGreaterThan(50);
    expect(reports.some((r) => r.state === "retracted")).toBe(true);
    const rowsFor = (way: Way, ids: string[]): Prisma.AttestationCreateManyInput[] =>
      reports.map((r, i) => ({
        id: ids[i]!,
        issuerId: issuerIds.get(`${way}-${r.input.issuerSlug}`)!,
        ...attestationFields(r.input),
        state: r.state,
        retractedReason: r.state === "retracted" ? r.retractedReason : null,
        retractedAt: r.state === "retracted" ? now : null,
        firstPublishedAt: r.state === "draft" ? null : now,
      }));
    const prismaIds = reports.map(() => cuid());
    const bulkIds = reports.map(() => cuid());
    await db.prisma.attestation.createMany({ data: rowsFor("prisma", prismaIds) });
    await db.prisma.compositionLine.createMany({ data: reports.flatMap((r, i) => compositionRows(prismaIds[i]!, r.input)) });
    await db.prisma.$transaction(async (tx) => {
      await insertMany(tx, "Attestation", rowsFor("bulk", bulkIds));
      await insertMany(
        tx,
        "CompositionLine",
        reports.flatMap((r, i) => compositionRows(bulkIds[i]!, r.input)),
      );
    });

    const viaPrisma = await stored("prisma");
    const viaBulk = await stored("bulk");
    expect(viaPrisma.reports).toHaveLength(reports.length);
    expect(viaPrisma.lines.length).toBeGreaterThan(reports.length);
    expect(viaBulk).toEqual(viaPrisma);
    // The times it writes are the ones it was given, and the ones Prisma's client would have set.
    const times = await db.prisma.$queryRaw<{ same: boolean; fresh: boolean }[]>`
      SELECT bool_and(a.first_published_at IS NOT DISTINCT FROM p.first_published_at AND a.retracted_at IS NOT DISTINCT FROM p.retracted_at) AS same,
             bool_and(a.updated_at > now() - interval '1 hour' AND a.created_at > now() - interval '1 hour') AS fresh
      FROM attestation a JOIN attestation p ON p.id = ANY(${prismaIds}::text[]) AND p.as_of = a.as_of AND p.report_type = a.report_type
        AND (SELECT slug FROM issuer WHERE id = p.issuer_id) = 'prisma-' || substr((SELECT slug FROM issuer WHERE id = a.issuer_id), 6)
      WHERE a.id = ANY(${bulkIds}::text[])`;
    expect(times).toEqual([{ same: true, fresh: true }]);

    // Audit entries: JSON before/after (nested, with nulls), absent ones, a null actor.
    const entries = (way: Way): Prisma.AuditEntryCreateManyInput[] =>
      reports.slice(0, 50).map((r, i) => ({
        actorId: null,
        actorLabel: i % 2 ? "Ada Editor" : "bulk import",
        action: i % 3 ? "publish" : "correct",
        entityType: "attestation",
        entityId: `${way}-${i}`,
        before: i % 3 ? undefined : ({ ...r.input, note: null } as Prisma.InputJsonValue),
        after: r.input as unknown as Prisma.InputJsonValue,
        reason: i % 4 ? "bulk import" : null,
      }));
    await db.prisma.auditEntry.createMany({ data: entries("prisma") });
    await db.prisma.$transaction((tx) => insertMany(tx, "AuditEntry", entries("bulk")));
    const audit = (way: Way) => db.prisma.$queryRaw<{ row: unknown }[]>`
      SELECT to_jsonb(e) - 'id' - 'at' - 'entity_id' || jsonb_build_object('n', substr(e.entity_id, length(${way}) + 2)) AS row
      FROM audit_entry e WHERE e.entity_id LIKE ${way + "-%"} ORDER BY substr(e.entity_id, length(${way}) + 2)::int`;
    const auditViaPrisma = await audit("prisma");
    expect(auditViaPrisma).toHaveLength(50);
    expect(await audit("bulk")).toEqual(auditViaPrisma);
  });

  it("refuses a field the model does not have, and rows that name different fields", async () => {
    await expect(
      db.prisma.$transaction((tx) =>
        insertMany(tx, "AuditEntry", [
          { actorLabel: "a", action: "x", entityType: "t", entityId: "1", colour: "red" } as Prisma.AuditEntryCreateManyInput,
        ]),
      ),
    ).rejects.toThrow(/AuditEntry has no field colour/);
    await expect(
      db.prisma.$transaction((tx) =>
        insertMany(tx, "AuditEntry", [
          { actorLabel: "a", action: "x", entityType: "t", entityId: "1" },
          { actorLabel: "a", action: "x", entityType: "t", entityId: "2", reason: "r" },
        ]),
      ),
    ).rejects.toThrow(/must name the same fields/);
  });

  it("makes ids that are unique and sort in the order they were made, as Prisma's cuids do", () => {
    const ids = Array.from({ length: 5_000 }, () => cuid());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
