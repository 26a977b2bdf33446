// Neutral tone: no page calls a token safe or recommends one, in any language.
// Scans every message catalogue and every Learn text; a phrase is allowed only
// when it is negated just before ("not a statement that any token is safe").
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const FORBIDDEN: RegExp[] = [
  /\b(is|are|as|be|stays?|remains?)\s+(completely\s+|perfectly\s+|very\s+|totally\s+)?(safe|risk-free|guaranteed)\b/gi,
  /\bsafest\b/gi,
  /\b(we|i)\s+(recommend|suggest|advise)\b/gi,
  /\byou\s+should\s+(buy|sell|hold|use|avoid|switch)\b/gi,
  /\b(best|top)\s+(stablecoins?|tokens?|issuers?)\b/gi,
  /(?<!\p{L})(es|son|está|están)\s+(muy\s+|totalmente\s+)?(segur[oa]s?|sin\s+riesgo)(?!\p{L})/giu,
  /(?<!\p{L})(é|são|está|estão)\s+(muito\s+|totalmente\s+)?(segur[oa]s?|sem\s+risco)(?!\p{L})/giu,
  /\b(recomendamos|le\s+recomendamos|aconsejamos|sugerimos)\b/gi,
  /\b(mejor|melhor)\s+(stablecoin|token|emisor|emissor)\b/gi,
];
const NEGATION = /(?<!\p{L})(not|no|never|nor|neither|não|nunca|nem|ni|tampoco|nenhum|ninguna|ningún|any)(?!\p{L})[^.!?]{0,60}$/iu;

function files(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, ext, out);
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

describe("neutral tone", () => {
  it("never calls a token safe or recommends one, in any catalogue or Learn text", () => {
    const sources = [...files(path.join(ROOT, "messages"), /\.json$/), ...files(path.join(ROOT, "content"), /\.(md|json)$/)];
    expect(sources.length).toBeGreaterThan(60);
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const re of FORBIDDEN) {
        for (const m of text.matchAll(re)) {
          const before = text.slice(Math.max(0, m.index - 80), m.index);
          if (!NEGATION.test(before)) found.push(`${path.relative(ROOT, file)}: “…${before.slice(-40)}${m[0]}…”`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const hit = (s: string) => FORBIDDEN.some((re) => new RegExp(re.source, re.flags).test(s));
    expect(hit("USDT is safe to hold")).toBe(true);
    expect(hit("We recommend Circle")).toBe(true);
    expect(hit("Este token es seguro")).toBe(true);
    expect(hit("Esta stablecoin é segura")).toBe(true);
    expect(hit("the custodian keeps securities safe")).toBe(false);
  });
});
