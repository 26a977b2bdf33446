import { describe, expect, it } from "vitest";

import { changedTopFields, diffValues, RECORD_ELEMENT_KEYS } from "@/lib/domain/editor/diff";
import { editionNumber, packEdition, packLabel } from "@/lib/domain/import/public-pack";

describe("the pack's edition, read from its README", () => {
  it("reads a named edition and its compilation month, or the first edition's 'Compiled' line", () => {
    expect(packEdition("… and stress events. Second edition, 2026-12 (first edition compiled 2026-11), from public pages")).toEqual({
      name: "second",
      compiled: "2026-12",
    });
    expect(packEdition("reserve composition) and stress events. Compiled 2026-11 from public pages:")).toEqual({
      name: "first",
      compiled: "2026-11",
    });
    expect(packEdition("no edition here")).toBeNull();
    expect(packEdition(undefined)).toBeNull();
  });
  it("numbers editions and labels the pack with its edition", () => {
    expect(editionNumber("second")).toBe(2);
    expect(editionNumber("12th")).toBe(12);
    expect(editionNumber("umpteenth")).toBeNull();
    expect(packLabel({ name: "second", compiled: "2026-12" })).toBe("Public reports pack, second edition (compiled 2026-12)");
  });
});

describe("differences between two versions of a record, lines matched by what identifies them", () => {
  const line = (category: string, value: string) => ({ category, amountUsd: { value, precision: "rounded" }, sharePct: null });
  it("sees a line added in the middle as one added line, not every later line shifted", () => {
    const before = { composition: [line("cash_deposits", "1"), line("tbills_93d", "2")] };
    const after = { composition: [line("cash_deposits", "1"), line("gov_mmf", "5"), line("tbills_93d", "2")] };
    const diffs = diffValues(before, after, [], RECORD_ELEMENT_KEYS);
    expect(diffs.map((d) => d.field)).toEqual([
      "composition[gov_mmf].category",
      "composition[gov_mmf].amountUsd.value",
      "composition[gov_mmf].amountUsd.precision",
    ]);
    expect(changedTopFields(diffs)).toEqual(["composition"]);
    // by position, the same change reads as two changed lines and one added
    expect(diffValues(before, after).length).toBeGreaterThan(3);
  });
  it("treats numbers written differently as one value and finds a changed figure", () => {
    expect(diffValues({ totalReserves: { value: "100.50" } }, { totalReserves: { value: "100.5" } }, [], RECORD_ELEMENT_KEYS)).toEqual([]);
    expect(diffValues({ redemptionMinimumUsd: null }, { redemptionMinimumUsd: "100000" }, [], RECORD_ELEMENT_KEYS)).toEqual([
      { field: "redemptionMinimumUsd", was: null, now: "100000" },
    ]);
  });
});

describe("reading an uploaded CSV file", () => {
  it("refuses a file that is not UTF-8, naming the line and the encoding to save as", async () => {
    const { parseCsv, CsvSyntaxError } = await import("@/lib/domain/import/read-csv");
    const latin1 = Buffer.from("issuer_slug,note\ntether,ok\ntether,S\xe3o Paulo\n", "latin1");
    expect(() => parseCsv(latin1)).toThrow(CsvSyntaxError);
    try {
      parseCsv(latin1);
    } catch (err) {
      expect((err as InstanceType<typeof CsvSyntaxError>).line).toBe(3);
      expect((err as Error).message).toMatch(/not UTF-8.*CSV UTF-8/);
    }
    expect(parseCsv(Buffer.from("issuer_slug,note\ntether,São Paulo\n", "utf8")).rows[0]!.note).toBe("São Paulo");
  });
  it("explains a file saved with semicolons; a NUL in a cell is left to the record's rules, which name its column", async () => {
    const { parseCsv } = await import("@/lib/domain/import/read-csv");
    expect(() => parseCsv("issuer_slug;as_of\ntether;2025-01-31;x\n")).toThrow(/';' as the separator/);
    expect(parseCsv("issuer_slug,note\ntether,a\u0000b\n").rows[0]!.note).toBe("a\u0000b");
  });
});
