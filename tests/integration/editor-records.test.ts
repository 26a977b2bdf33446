// Issuers, stress events and report files, through the same commands the
// editor's route handlers call.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { CommandError } from "@/lib/server/commands/errors";
import { createIssuer, updateIssuer } from "@/lib/server/commands/issuers";
import { createStressEvent, updateStressEvent } from "@/lib/server/commands/stress-events";
import { storeReportFile } from "@/lib/server/commands/uploads";
import { POST as uploadRoute } from "@/app/api/editor/uploads/route";

import { makeIssuer, sql, testPrisma, unique } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "usd1-uploads-"));
process.env.UPLOAD_DIR = uploads;
process.env.UPLOAD_MAX_MB = "1";
const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  fs.rmSync(uploads, { recursive: true, force: true });
});

let editor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  editor = await makeUser(prisma, { name: "Rita Recorder" });
  actAs(editor);
});

const refused = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(CommandError);
      return e as CommandError;
    },
  );

describe("issuers", () => {
  it("are created with licences and counterparties, edited at a version, audited, and expire the public lists", async () => {
    const slug = unique("new-dollar");
    const input = {
      slug,
      name: "New Dollar",
      tokenSymbols: ["NUSD"],
      backingModel: "fiat_reserve",
      declaredCadence: "monthly",
      licences: [{ regulator: "MAS", licence: "Major payment institution", jurisdiction: "SG", since: "2024-08-01" }],
      counterparties: [{ name: "Demo Bank", role: "bank" }],
    };
    const created = await createIssuer({ input });
    expect(created.tags).toEqual(["issuers", `issuer:${slug}`, "attestations", "stress-events"]);
    const updated = await updateIssuer(created.data.id, { version: 1, input: { ...input, status: "winding_down", counterparties: [] } });
    expect(updated.data.version).toBe(2);
    const stored = await prisma.issuer.findUniqueOrThrow({
      where: { id: created.data.id },
      include: { licences: true, counterparties: true },
    });
    expect([stored.status, stored.licences.length, stored.counterparties.length, stored.isDemo]).toEqual(["winding_down", 1, 0, false]);
    const audit = await prisma.auditEntry.findMany({ where: { entityId: created.data.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["create", "Rita Recorder"],
      ["update", "Rita Recorder"],
    ]);
    expect(audit[1]!.before).toMatchObject({ status: "active", counterparties: [{ name: "Demo Bank", role: "bank" }] });
    expect(audit[1]!.after).toMatchObject({ status: "winding_down", counterparties: [] });
  });

  it("keep their slug, refuse a taken one, and refuse a counterparty listed twice", async () => {
    const taken = await makeIssuer(prisma);
    const dup = await refused(createIssuer({ input: { slug: taken.slug, name: "Copy", backingModel: "hybrid", declaredCadence: "none" } }));
    expect(dup.details.fieldErrors?.slug?.[0]).toMatch(/already used/);
    const base = { slug: unique("fixed"), name: "Fixed", backingModel: "hybrid", declaredCadence: "none" };
    const created = await createIssuer({ input: base });
    const moved = await refused(updateIssuer(created.data.id, { version: 1, input: { ...base, slug: unique("moved") } }));
    expect(moved.details.fieldErrors?.slug?.[0]).toMatch(/cannot change once created/);
    const twice = await refused(
      updateIssuer(created.data.id, {
        version: 1,
        input: {
          ...base,
          counterparties: [
            { name: "A Bank", role: "bank" },
            { name: "a bank", role: "bank" },
          ],
        },
      }),
    );
    expect(twice.details.fieldErrors?.["counterparties.1.name"]).toEqual(["listed twice with the same role"]);
  });
});

describe("stress events", () => {
  it("are recorded with sources and edited, each write audited", async () => {
    const issuer = await makeIssuer(prisma);
    const input = {
      issuerSlug: issuer.slug,
      kind: "counterparty_exposure",
      startDate: "2023-03-10",
      endDate: "2023-03-13",
      summary: "Reserves held at a failed bank",
      sources: [{ url: "https://example.org/a", title: "Statement" }],
    };
    const created = await createStressEvent({ input });
    expect(created.tags).toEqual(["stress-events", `issuer:${issuer.slug}`]);
    await updateStressEvent(created.data.id, {
      version: 1,
      input: {
        ...input,
        reserveExposureUsd: { value: "3300000000", precision: "rounded" },
        sources: [...input.sources, { url: "https://example.org/b" }],
      },
    });
    const stored = await prisma.stressEvent.findUniqueOrThrow({ where: { id: created.data.id }, include: { sources: true } });
    expect([stored.reserveExposureUsd?.toString(), stored.exposurePrecision, stored.sources.length]).toEqual(["3300000000", "rounded", 2]);
    expect(await prisma.auditEntry.count({ where: { entityId: created.data.id } })).toBe(2);
  });

  it("need at least one source and ordered dates", async () => {
    const issuer = await makeIssuer(prisma);
    const err = await refused(
      createStressEvent({
        input: { issuerSlug: issuer.slug, kind: "depeg", startDate: "2024-05-02", endDate: "2024-05-01", summary: "x", sources: [] },
      }),
    );
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(["endDate", "sources"]);
  });
});

describe("report files", () => {
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("a tiny test report\n"), Buffer.from("%%EOF\n")]);

  it("are stored under UPLOAD_DIR named by their SHA-256, which is returned and audited", async () => {
    const sha = createHash("sha256").update(pdf).digest("hex");
    const first = await storeReportFile(new File([pdf], "report.pdf", { type: "application/pdf" }));
    expect(first.data).toEqual({ sha256: sha, size: pdf.length, type: "application/pdf", alreadyStored: false });
    expect(fs.readFileSync(path.join(uploads, `${sha}.pdf`)).equals(pdf)).toBe(true);
    const again = await storeReportFile(new File([pdf], "same.pdf"));
    expect(again.data.alreadyStored).toBe(true);
    expect(await prisma.auditEntry.count({ where: { entityType: "report_file", entityId: sha, action: "upload" } })).toBe(2);
  });

  it("leave no file behind when the upload fails after the file was written (the audit entry cannot be stored)", async () => {
    const other = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("another report, never stored\n")]);
    const sha = createHash("sha256").update(other).digest("hex");
    // A real failure of the database write: a constraint the audit entry breaks, added for this test only.
    await sql(`ALTER TABLE audit_entry ADD CONSTRAINT test_no_uploads CHECK (entity_type <> 'report_file') NOT VALID`);
    try {
      await expect(storeReportFile(new File([other], "report.pdf"))).rejects.toThrow();
    } finally {
      await sql(`ALTER TABLE audit_entry DROP CONSTRAINT test_no_uploads`);
    }
    expect(fs.existsSync(path.join(uploads, `${sha}.pdf`))).toBe(false);
    expect(fs.readdirSync(uploads).filter((f) => f.startsWith(".upload-"))).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { entityType: "report_file", entityId: sha } })).toBe(0);
  });

  it("are refused when the content is not an accepted type, whatever the name says", async () => {
    const html = await refused(
      storeReportFile(new File(["<html><script>alert(1)</script></html>"], "report.pdf", { type: "application/pdf" })),
    );
    expect([html.kind, html.status]).toEqual(["unsupported_type", 415]);
    const csvWithScript = await refused(storeReportFile(new File(["a,b\n<script>x</script>,1\n"], "figures.csv")));
    expect(csvWithScript.kind).toBe("unsupported_type");
    expect(fs.readdirSync(uploads).filter((f) => !f.endsWith(".pdf"))).toEqual([]);
  });

  it("are refused over the size limit, before the body is read", async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const tooBig = await refused(storeReportFile(new File([Buffer.concat([Buffer.from("%PDF-"), big])], "big.pdf")));
    expect([tooBig.kind, tooBig.status]).toEqual(["too_large", 413]);
    const form = new FormData();
    form.set("file", new File([pdf], "r.pdf"));
    const res = await uploadRoute(
      new Request("http://localhost/api/editor/uploads", {
        method: "POST",
        body: form,
        headers: { "content-length": String(50 * 1024 * 1024) },
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(res.status).toBe(413);
  });
});
