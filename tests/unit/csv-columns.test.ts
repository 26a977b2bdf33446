import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CSV_FILES, CSV_KINDS } from "@/lib/domain/csv/columns";
import { FORMULA_TRIGGERS, neutralise, unneutralise } from "@/lib/domain/csv/neutralise";
import { parseCsv } from "@/lib/domain/import/read-csv";

const PACK = path.resolve(__dirname, "..", "..", "data", "public-reports");
const packHeader = (file: string) => parseCsv(fs.readFileSync(path.join(PACK, file))).headers;

describe("CSV column specification", () => {
  it("starts every importable file with exactly the pack's columns, in the pack's order", () => {
    for (const kind of CSV_KINDS.filter((k) => CSV_FILES[k].importable)) {
      const { file, columns } = CSV_FILES[kind];
      const header = packHeader(file);
      expect(
        columns.slice(0, header.length).map((c) => c.name),
        file,
      ).toEqual(header);
      expect(
        columns.slice(0, header.length).every((c) => c.origin === "pack"),
        file,
      ).toBe(true);
      expect(
        columns.slice(header.length).some((c) => c.origin === "pack"),
        file,
      ).toBe(false);
    }
  });

  it("names a column computed_… exactly when it is computed, and never twice in a file", () => {
    for (const kind of CSV_KINDS) {
      const { columns } = CSV_FILES[kind];
      for (const c of columns) expect(c.name.startsWith("computed_"), c.name).toBe(c.origin === "computed");
      expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
    }
  });

  it("documents every column with a meaning and how it is produced", () => {
    for (const kind of CSV_KINDS)
      for (const c of CSV_FILES[kind].columns) expect(c.description.length > 3 && c.produce.length > 3, c.name).toBe(true);
  });
});

const anyText = fc.string({ unit: "grapheme", maxLength: 40 });
const formulaLike = fc
  .tuple(fc.constantFrom("", "'", "'''"), fc.constantFrom(...FORMULA_TRIGGERS), anyText)
  .map(([quotes, trigger, rest]) => `${quotes}${trigger}${rest}`);

describe("formula neutralisation", () => {
  it("never leaves a cell that starts with = + - @ tab or carriage return", () => {
    fc.assert(fc.property(fc.oneof(anyText, formulaLike), (s) => !/^[=+\-@\t\r]/.test(neutralise(s))));
  });

  it("is undone exactly by the importer, whatever the text", () => {
    fc.assert(fc.property(fc.oneof(anyText, formulaLike), (s) => unneutralise(neutralise(s)) === s));
  });

  it("leaves ordinary text alone and quotes formula-like text once", () => {
    expect(neutralise("Tether")).toBe("Tether");
    expect(neutralise("'quoted")).toBe("'quoted");
    expect(neutralise('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralise("-5")).toBe("'-5");
    expect(neutralise("'=1+1")).toBe("''=1+1");
  });
});

describe("reading CSV", () => {
  it("reports the line each row starts on, across quoted line breaks and CRLF or LF", () => {
    for (const eol of ["\r\n", "\n"]) {
      const text = ["a,b", '1,"x', "y", 'z"', "2,w", "", '3,"p', 'q"', "4,v", ""].join(eol);
      const parsed = parseCsv(text);
      expect(parsed.headers).toEqual(["a", "b"]);
      expect(parsed.rows.map((r) => r.a)).toEqual(["1", "2", "3", "4"]);
      expect(parsed.lines).toEqual([2, 5, 7, 9]);
    }
  });
});

describe("the data page's words for every CSV file", () => {
  it("exist in each language for every kind of file (the keys are built at run time, so the catalogue check cannot see them)", async () => {
    const { CSV_KINDS } = await import("@/lib/domain/csv/columns");
    const fs = await import("node:fs");
    for (const locale of ["en", "es", "pt"]) {
      const data = JSON.parse(fs.readFileSync(`messages/${locale}/data.json`, "utf8")) as {
        csv: { files: Record<string, { title?: string; rows?: string }> };
      };
      for (const kind of CSV_KINDS) {
        expect(data.csv.files[kind]?.title, `${locale} ${kind}`).toBeTruthy();
        expect(data.csv.files[kind]?.rows, `${locale} ${kind}`).toBeTruthy();
      }
    }
  });
});
