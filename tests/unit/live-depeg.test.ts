import { describe, expect, it } from "vitest";

import { detectDepegs, type PricePoint } from "@/lib/live/depeg";

const series = (start: string, prices: string[]): PricePoint[] =>
  prices.map((p, i) => ({ date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), priceUsd: p }));

describe("sustained depeg detection", () => {
  it("one day outside the band is not sustained; two consecutive days are one episode", () => {
    expect(detectDepegs(series("2026-03-01", ["1", "0.99", "1", "1"]))).toEqual([]);
    const eps = detectDepegs(series("2026-03-01", ["1", "0.99", "0.98", "0.97", "1.0001"]));
    expect(eps).toHaveLength(1);
    expect(eps[0]).toMatchObject({
      startDate: "2026-03-02",
      endDate: "2026-03-04",
      ongoing: false,
      lowestPrice: "0.97",
      maxDeviationBp: -300,
    });
    expect(eps[0]!.points.map((p) => p.deviationBp)).toEqual([-100, -200, -300]);
  });

  it("the band edge is inside; above the peg counts too", () => {
    expect(detectDepegs(series("2026-03-01", ["0.995", "1.005", "0.995"]))).toEqual([]);
    expect(detectDepegs(series("2026-03-01", ["1.006", "1.01"]))[0]).toMatchObject({ maxDeviationBp: 100, ongoing: true });
  });

  it("a missing day breaks a run; two runs give two episodes", () => {
    const pts = [
      ...series("2026-03-01", ["0.98", "0.98"]),
      ...series("2026-03-04", ["0.97"]),
      ...series("2026-03-10", ["0.9", "0.9", "0.95"]),
    ];
    const eps = detectDepegs(pts);
    expect(eps.map((e) => [e.startDate, e.endDate])).toEqual([
      ["2026-03-01", "2026-03-02"],
      ["2026-03-10", "2026-03-12"],
    ]);
  });

  it("configurable band and duration", () => {
    const pts = series("2026-03-01", ["0.996", "0.996", "0.996"]);
    expect(detectDepegs(pts)).toEqual([]);
    expect(detectDepegs(pts, { bandBp: 30, minHours: 48 })).toHaveLength(1);
    expect(detectDepegs(pts, { bandBp: 30, minHours: 72 })).toHaveLength(0);
  });

  it("input order does not matter", () => {
    const pts = series("2026-03-01", ["1", "0.9", "0.9", "1"]).reverse();
    expect(detectDepegs(pts)).toHaveLength(1);
  });
});
