// The attestation save, server side, fed what a careless or hostile client
// could send. Each row is refused with a message on the field concerned
// (and nothing is stored), or, for markup in notes, stored as inert text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { diffValues } from "@/lib/domain/editor/diff";
import { createAttestationDraft } from "@/lib/server/commands/attestations";
import { CommandError } from "@/lib/server/commands/errors";
import { FieldChangesTable } from "@/components/editor/field-changes";

import { makeIssuer, testPrisma } from "../support/db";
import { actAs, daysFromToday, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let slug: string;
let issuerId: string;
beforeAll(async () => {
  const issuer = await makeIssuer(prisma);
  slug = issuer.slug;
  issuerId = issuer.id;
  actAs(await makeUser(prisma));
});

const nextMonth = daysFromToday(32).slice(0, 7);

// [what, the input's changes, the field that must carry the message, the message]
const REFUSED: [string, Record<string, unknown>, string, RegExp][] = [
  ["empty as-of date", { asOf: "" }, "asOf", /must be a date \(YYYY-MM-DD\) or a month/],
  ["empty issuer", { issuerSlug: "" }, "issuerSlug", /at least 2 characters/],
  ["missing report type", { reportType: undefined }, "reportType", /must be one of: attestation, audit/],
  ["empty figure value", { totalReserves: { value: "", precision: "exact" } }, "totalReserves.value", /must be a non-negative amount/],
  ["negative total reserves", { totalReserves: { value: "-1010000", precision: "exact" } }, "totalReserves.value", /non-negative amount/],
  [
    "negative composition amount",
    { composition: [{ category: "tbills_93d", amountUsd: { value: "-5", precision: "exact" } }] },
    "composition.0.amountUsd.value",
    /non-negative amount/,
  ],
  [
    "negative share",
    { composition: [{ category: "tbills_93d", sharePct: "-3" }] },
    "composition.0.sharePct",
    /percentage between 0 and 100/,
  ],
  [
    "non-numeric tokens",
    { tokensOutstanding: { value: "12abc", precision: "exact" } },
    "tokensOutstanding.value",
    /digits with an optional decimal point/,
  ],
  ["thousands separators", { tokensOutstanding: { value: "1,000,000", precision: "exact" } }, "tokensOutstanding.value", /no commas/],
  ["a number, not a string", { tokensOutstanding: { value: 1000000, precision: "exact" } }, "tokensOutstanding.value", /expected string/i],
  [
    "an unknown precision",
    { tokensOutstanding: { value: "1000000", precision: "about" } },
    "tokensOutstanding.precision",
    /must be one of: exact, rounded, lower_bound/,
  ],
  [
    "absurdly large (beyond the column)",
    { totalReserves: { value: `1${"0".repeat(30)}`, precision: "exact" } },
    "totalReserves.value",
    /is too large/,
  ],
  [
    "absurdly large (over $10 trillion)",
    { tokensOutstanding: { value: "50000000000000", precision: "exact" } },
    "tokensOutstanding.value",
    /implausibly large/,
  ],
  ["a share over 100%", { composition: [{ category: "tbills_93d", sharePct: "150" }] }, "composition.0.sharePct", /must be at most 100/],
  [
    "shares adding up to over 100%",
    {
      totalReserves: null,
      composition: [
        { category: "tbills_93d", sharePct: "60" },
        { category: "cash_deposits", sharePct: "60" },
      ],
    },
    "composition",
    /exceed total reserves by 20 points/,
  ],
  ["a liquidity share over 100%", { liquidity1dPct: "101" }, "liquidity1dPct", /must be at most 100/],
  ["an as-of date in the future", { asOf: daysFromToday(1) }, "asOf", /cannot be in the future/],
  ["an as-of month in the future", { asOf: nextMonth }, "asOf", /cannot be in the future/],
  [
    "a publication date in the future",
    { asOf: daysFromToday(-30), publishedOn: daysFromToday(2) },
    "publishedOn",
    /cannot be in the future/,
  ],
  ["an impossible date", { asOf: "2025-02-30" }, "asOf", /must be a date/],
  ["as-of after publication", { asOf: "2025-06-30", publishedOn: "2025-06-01" }, "publishedOn", /cannot be before the as-of date/],
  [
    "an unknown category",
    { composition: [{ category: "bitcoin_treasury", sharePct: "10" }] },
    "composition.0.category",
    /must be one of: cash_deposits/,
  ],
  [
    "the same category twice",
    {
      composition: [
        { category: "tbills_93d", sharePct: "10" },
        { category: "tbills_93d", sharePct: "5" },
      ],
    },
    "composition.1.category",
    /repeats line 1/,
  ],
  [
    "a line with neither amount nor share",
    { composition: [{ category: "tbills_93d" }] },
    "composition.0.amountUsd",
    /give an amount, a share, or both/,
  ],
  ["a javascript: report URL", { reportUrl: "javascript:alert(1)" }, "reportUrl", /must be a web address starting with https/],
  ["a field the schema does not know", { state: "published" }, "_form", /unrecognized key/i],
  ["notes too long", { notes: "x".repeat(5001) }, "notes", /at most 5000 characters/],
];

describe("the attestation save refuses bad input with a field-level message", () => {
  it.each(REFUSED)("%s", async (_what, change, field, message) => {
    const before = await prisma.attestation.count({ where: { issuerId } });
    const input = { ...validAttestation(slug), ...change };
    if ("reportType" in change && change.reportType === undefined) delete input.reportType;
    let error: unknown;
    try {
      await createAttestationDraft({ input });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CommandError);
    const e = error as CommandError;
    expect(e.kind).toBe("validation");
    expect(e.status).toBe(400);
    const messages = e.details.fieldErrors?.[field];
    expect(messages, `field errors were ${JSON.stringify(e.details.fieldErrors)}`).toBeDefined();
    expect(messages!.join(" ")).toMatch(message);
    expect(await prisma.attestation.count({ where: { issuerId } })).toBe(before);
  });

  it("accepts the same report once the bad value is fixed (the base input is valid)", async () => {
    await expect(createAttestationDraft({ input: validAttestation(slug) })).resolves.toMatchObject({ data: { state: "draft" } });
  });
});

describe("markup in notes", () => {
  const hostile = `<script>alert("x")</script><img src=x onerror="alert(1)"> & "quotes"`;

  it("is stored exactly as typed, as text", async () => {
    const saved = await createAttestationDraft({ input: validAttestation(slug, { notes: hostile }) });
    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: saved.data.id } });
    expect(stored.notes).toBe(hostile);
  });

  it("is rendered escaped where the editor area shows it (the audit log's before/after)", () => {
    const html = renderToStaticMarkup(createElement(FieldChangesTable, { diffs: diffValues({ notes: null }, { notes: hostile }) }));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
  });
});
