// The message catalogues are complete: every key in English exists in Spanish
// and Portuguese (and no stray ones), every message parses as ICU with the same
// placeholders in each language, every t("key") the code calls exists, every
// taxonomy code has a label, and the Learn content is the same in each language.
// With eslint's i18n/no-untranslated-text (no literal words in public JSX), a
// user-visible string that is missing from a catalogue fails `npm test`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import * as taxonomy from "@/lib/domain/taxonomy";
import { CHECKLIST_IDS, LEARN_SLUGS, LIVE_BLOCKS } from "@/lib/domain/views/learn";
import { NAMESPACES } from "@/i18n/messages";
import { LOCALES } from "@/i18n/routing";

const ROOT = path.resolve(__dirname, "../../..");
const readJson = (...p: string[]) => JSON.parse(readFileSync(path.join(ROOT, ...p), "utf8")) as Record<string, unknown>;

function flatten(obj: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

const catalogues = Object.fromEntries(
  LOCALES.map((l) => [l, new Map(NAMESPACES.map((ns) => [ns, flatten(readJson("messages", l, `${ns}.json`))]))]),
) as Record<(typeof LOCALES)[number], Map<string, Map<string, string>>>;

describe("message catalogues", () => {
  it("has no catalogue file that i18n/messages.ts does not load", () => {
    for (const l of LOCALES) {
      const files = readdirSync(path.join(ROOT, "messages", l))
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.slice(0, -5));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: Spanish and Portuguese have exactly the English keys, none empty, same placeholders`, () => {
      const en = catalogues.en.get(ns)!;
      for (const l of LOCALES) {
        const other = catalogues[l].get(ns)!;
        const missing = [...en.keys()].filter((k) => !other.has(k));
        const extra = [...other.keys()].filter((k) => !en.has(k));
        expect({ locale: l, missing, extra }).toEqual({ locale: l, missing: [], extra: [] });
        for (const [key, text] of other) {
          expect(text.trim(), `${l}/${ns}.${key} is empty`).not.toBe("");
          let args: Set<string>;
          try {
            args = argumentsOf(parse(text));
          } catch (e) {
            throw new Error(`${l}/${ns}.json ${key} is not valid ICU: ${(e as Error).message}`);
          }
          expect([...args].sort(), `${l}/${ns}.${key} placeholders`).toEqual([...argumentsOf(parse(en.get(key)!))].sort());
        }
      }
    });
  }

  it("has a label for every taxonomy code in every language", () => {
    const groups: [string, readonly string[]][] = [
      ["category", taxonomy.RESERVE_CATEGORIES],
      ["backingModel", taxonomy.BACKING_MODELS],
      ["issuerStatus", taxonomy.ISSUER_STATUSES],
      ["cadence", taxonomy.CADENCES],
      ["reportType", taxonomy.REPORT_TYPES],
      ["assurance", taxonomy.ASSURANCE_METHODS],
      ["scope", taxonomy.SCOPES],
      ["sourceKind", taxonomy.SOURCE_KINDS],
      ["stressKind", taxonomy.STRESS_KINDS],
      ["precision", taxonomy.PRECISIONS],
      ["opinion", taxonomy.OPINIONS],
    ];
    for (const l of LOCALES) {
      const tax = catalogues[l].get("taxonomy")!;
      for (const [group, codes] of groups)
        for (const code of codes) expect(tax.has(`${group}.${code}`), `${l} taxonomy.${group}.${code}`).toBe(true);
    }
  });

  it('has every key the code asks for (t("…") with a literal key) in the English catalogue', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(tsx?|mts)$/.test(name)) files.push(p);
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(path.join(ROOT, dir));
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const src = readFileSync(file, "utf8");
      const namespaces = [...src.matchAll(/getTranslations\(\s*(?:"([^"]+)"|\{[^}]*namespace:\s*"([^"]+)"[^}]*\})\s*\)/g)].map(
        (m) => m[1] ?? m[2]!,
      );
      if (!namespaces.length) continue;
      // Translator variables: t, tc, tl, tIssuer… (the project's convention for getTranslations results).
      for (const m of src.matchAll(/\bt[A-Za-z]*(?:\.rich|\.markup|\.has)?\(\s*"([A-Za-z0-9_.-]+)"/g)) {
        const key = m[1]!;
        checked += 1;
        const found = namespaces.some((ns) => {
          const [root, ...sub] = ns.split(".");
          const flat = catalogues.en.get(root as (typeof NAMESPACES)[number]);
          return flat
            ? flat.has([...sub, key].join(".")) || [...flat.keys()].some((k) => k.startsWith(`${[...sub, key].join(".")}.`))
            : false;
        });
        if (!found) problems.push(`${path.relative(ROOT, file)}: "${key}" not in ${namespaces.join(" / ")}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

describe("Learn content", () => {
  const terms = (text: string) => [...text.matchAll(/\]\(term:([a-z-]+)\)/g)].map((m) => m[1]!).sort();
  const lives = (text: string) => [...text.matchAll(/\]\(live:([a-z-]+)\)/g)].map((m) => m[1]!).sort();
  const glossaries = Object.fromEntries(LOCALES.map((l) => [l, readJson("content", "glossary", `${l}.json`)]));

  it("has the same glossary keys in every language, each with a term and a definition", () => {
    for (const l of LOCALES) {
      expect(Object.keys(glossaries[l]!).sort()).toEqual(Object.keys(glossaries.en!).sort());
      for (const [key, entry] of Object.entries(glossaries[l]!)) {
        const e = entry as { term?: string; definition?: string };
        expect(e.term?.trim(), `${l} glossary ${key}`).toBeTruthy();
        expect(e.definition?.trim(), `${l} glossary ${key}`).toBeTruthy();
      }
    }
  });

  it("has every guide in every language with the same glossary terms and live blocks, all known", () => {
    for (const slug of LEARN_SLUGS) {
      const en = readFileSync(path.join(ROOT, "content/learn/en", `${slug}.md`), "utf8");
      for (const l of LOCALES) {
        const text = readFileSync(path.join(ROOT, "content/learn", l, `${slug}.md`), "utf8");
        expect(text.startsWith("# "), `${l}/${slug} starts with its title`).toBe(true);
        expect(terms(text), `${l}/${slug} terms`).toEqual(terms(en));
        expect(lives(text), `${l}/${slug} live blocks`).toEqual(lives(en));
        for (const t of terms(text)) expect(glossaries[l]![t], `${l}/${slug} term:${t}`).toBeTruthy();
        for (const b of lives(text)) expect(LIVE_BLOCKS as readonly string[]).toContain(b);
      }
    }
  });

  it("has the checklist's questions in every language, in the order the answers are computed", () => {
    for (const l of LOCALES) {
      const qs = JSON.parse(readFileSync(path.join(ROOT, "content/learn", l, "checklist.json"), "utf8")) as {
        id: string;
        question: string;
      }[];
      expect(qs.map((q) => q.id)).toEqual([...CHECKLIST_IDS]);
      for (const q of qs) expect(q.question.trim()).not.toBe("");
    }
  });
});
