import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  decimalString,
  formatDecimal,
  jsonNumberToDecimal,
  outsideBand,
  parseDecimal,
  pegDeviationBp,
  scaleInteger,
  shiftDec,
} from "@/lib/live/decimal";

describe("exact decimals", () => {
  it("scales base units by decimals without floats", () => {
    expect(scaleInteger(1_000_000n, 6)).toBe("1");
    expect(scaleInteger(123_456_789n, 6)).toBe("123.456789");
    expect(scaleInteger(5n, 18)).toBe("0.000000000000000005");
    // 2^256-1 with 18 decimals stays exact
    expect(scaleInteger(2n ** 256n - 1n, 18)).toBe("115792089237316195423570985008687907853269984665640564039457.584007913129639935");
    expect(scaleInteger(0n, 6)).toBe("0");
  });

  it("parses and refuses", () => {
    expect(parseDecimal("1.000200")).toEqual({ int: 1000200n, scale: 6 });
    for (const bad of ["", "1e3", "+1", "1,000", "NaN", ".5", "1."]) expect(parseDecimal(bad)).toBeNull();
    expect(decimalString("-0.000")).toBe("0");
    expect(formatDecimal(shiftDec(parseDecimal("75.24")!, 9))).toBe("75240000000");
  });

  it("round-trips every integer and scale", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 30 }), (raw, d) => {
        const text = scaleInteger(raw, d);
        const back = parseDecimal(text)!;
        expect(back.int * 10n ** BigInt(d - back.scale)).toBe(raw);
      }),
    );
  });

  it("peg deviation in integer basis points, half away from zero", () => {
    expect(pegDeviationBp("1")).toBe(0);
    expect(pegDeviationBp("0.995")).toBe(-50);
    expect(pegDeviationBp("1.00005")).toBe(1); // 0.5 bp rounds away from zero
    expect(pegDeviationBp("0.99995")).toBe(-1);
    expect(pegDeviationBp("0.99994")).toBe(-1);
    expect(pegDeviationBp("0.877")).toBe(-1230);
    expect(pegDeviationBp("1.0123456789")).toBe(123);
  });

  it("band is decided exactly, not on the rounded bp", () => {
    expect(outsideBand("0.995", 50)).toBe(false); // exactly on the band edge
    expect(outsideBand("0.99499999", 50)).toBe(true);
    expect(outsideBand("1.005", 50)).toBe(false);
    expect(outsideBand("1.0050001", 50)).toBe(true);
  });

  it("JSON numbers only when no digit can have been lost", () => {
    expect(jsonNumberToDecimal(18976199473.8062)).toBe("18976199473.8062");
    // 16 significant digits: the double may not hold the digits written, so refused
    expect(jsonNumberToDecimal(189761994736.8062)).toBeNull();
    expect(jsonNumberToDecimal(0.1)).toBe("0.1");
    expect(jsonNumberToDecimal(1e21)).toBeNull();
    expect(jsonNumberToDecimal(12345678901234567)).toBeNull();
    expect(jsonNumberToDecimal(Number.NaN)).toBeNull();
  });
});

describe("exact JSON numbers", () => {
  it("keeps every number's text, strings untouched", async () => {
    const { parseJsonExact } = await import("@/lib/live/json-exact");
    expect(parseJsonExact('{"a": 189761994736.80623, "b": [1, -0.5, 2e3], "c": "x \\" 12.5", "d": 0.0}')).toEqual({
      a: "189761994736.80623",
      b: ["1", "-0.5", "2e3"],
      c: 'x " 12.5',
      d: "0.0",
    });
  });
});
