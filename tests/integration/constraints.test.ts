import { afterAll, describe, expect, it } from "vitest";

import { makeAttestation, makeIssuer, sql, testPrisma, unique } from "../support/db";

// These rules must hold whoever writes to the database (a bug, a script, psql):
// each test goes around the application and expects PostgreSQL itself to refuse.
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("the database refuses", () => {
  it("a second attestation for the same issuer, as-of date and report type", async () => {
    const issuer = await makeIssuer(prisma);
    await makeAttestation(prisma, issuer.id, "2025-03-31");
    await expect(
      sql(`INSERT INTO attestation (id, issuer_id, as_of, report_type, updated_at) VALUES ($1, $2, '2025-03-31', 'attestation', now())`, [
        unique("a"),
        issuer.id,
      ]),
    ).rejects.toThrow(/attestation_issuer_id_as_of_report_type_key/);
    // a different report type on the same date is a different report
    await expect(
      sql(`INSERT INTO attestation (id, issuer_id, as_of, report_type, updated_at) VALUES ($1, $2, '2025-03-31', 'audit', now())`, [
        unique("a"),
        issuer.id,
      ]),
    ).resolves.toBeTruthy();
  });

  it("a negative amount in reserves, tokens and composition lines", async () => {
    const issuer = await makeIssuer(prisma);
    const a = await makeAttestation(prisma, issuer.id, "2025-04-30");
    await expect(sql(`UPDATE attestation SET total_reserves = -1 WHERE id = $1`, [a.id])).rejects.toThrow(
      /attestation_reserves_nonnegative/,
    );
    await expect(sql(`UPDATE attestation SET tokens_outstanding = -0.01 WHERE id = $1`, [a.id])).rejects.toThrow(
      /attestation_tokens_nonnegative/,
    );
    await expect(
      sql(
        `INSERT INTO composition_line (id, attestation_id, category, amount_usd, amount_precision) VALUES ($1, $2, 'tbills_93d', -5, 'exact')`,
        [unique("l"), a.id],
      ),
    ).rejects.toThrow(/composition_amount_nonnegative/);
  });

  it("an UPDATE, a DELETE or a TRUNCATE of the audit log", async () => {
    const inserted = await sql<{ id: string }>(
      `INSERT INTO audit_entry (actor_label, action, entity_type, entity_id) VALUES ('test', 'create', 'issuer', 'x') RETURNING id`,
    );
    const id = inserted.rows[0]!.id;
    await expect(sql(`UPDATE audit_entry SET action = 'tampered' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_entry WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
    const still = await sql(`SELECT action FROM audit_entry WHERE id = $1`, [id]);
    expect(still.rows[0]).toEqual({ action: "create" });
  });

  it("a duplicate issuer slug and a malformed one", async () => {
    const issuer = await makeIssuer(prisma);
    await expect(makeIssuer(prisma, { slug: issuer.slug })).rejects.toThrow();
    await expect(makeIssuer(prisma, { slug: "Not A Slug" })).rejects.toThrow(/issuer_slug_format/);
  });

  it("a publication date before the as-of date", async () => {
    const issuer = await makeIssuer(prisma);
    const a = await makeAttestation(prisma, issuer.id, "2025-05-31");
    await expect(sql(`UPDATE attestation SET published_on = '2025-05-30' WHERE id = $1`, [a.id])).rejects.toThrow(
      /attestation_published_not_before_as_of/,
    );
  });

  it("a figure without its precision, and a published report without a source link", async () => {
    const issuer = await makeIssuer(prisma);
    const a = await makeAttestation(prisma, issuer.id, "2025-06-30");
    await expect(sql(`UPDATE attestation SET reserves_precision = NULL WHERE id = $1`, [a.id])).rejects.toThrow(
      /attestation_reserves_precision_iff_amount/,
    );
    await expect(sql(`UPDATE attestation SET state = 'published' WHERE id = $1`, [a.id])).rejects.toThrow(
      /attestation_published_has_source/,
    );
  });

  it("a composition line for a report that does not exist, and an attestation for a missing issuer", async () => {
    await expect(
      sql(`INSERT INTO composition_line (id, attestation_id, category, share_pct) VALUES ($1, 'missing', 'tbills_93d', 10)`, [unique("l")]),
    ).rejects.toThrow(/composition_line_attestation_id_fkey/);
    await expect(
      sql(`INSERT INTO attestation (id, issuer_id, as_of, report_type, updated_at) VALUES ($1, 'missing', '2025-01-31', 'audit', now())`, [
        unique("a"),
      ]),
    ).rejects.toThrow(/attestation_issuer_id_fkey/);
  });
});
