// Sustained-depeg detection on a daily price series. A day is "out" when
// |price − 1| × 10 000 > bandBp (decided exactly on the decimal string). A run
// is consecutive out days (calendar days with no gap); it is an episode when
// it lasts at least minHours from its first to its last point, i.e. with the
// default 24 h, two consecutive daily points outside the band. Each run gives
// at most one episode.
import { compareDec, outsideBand, parseDecimal, pegDeviationBp } from "./decimal";

export interface PricePoint {
  /** YYYY-MM-DD */
  date: string;
  priceUsd: string;
  source?: string;
}

export interface DepegEpisode {
  startDate: string;
  endDate: string;
  /** true when the run reaches the series' last point (it may continue). */
  ongoing: boolean;
  lowestPrice: string;
  /** Signed deviation of the point furthest from $1, in bp. */
  maxDeviationBp: number;
  points: (PricePoint & { deviationBp: number })[];
}

export interface DepegPolicy {
  bandBp: number;
  minHours: number;
}

export const DEFAULT_DEPEG_POLICY: DepegPolicy = { bandBp: 50, minHours: 24 };

const DAY = 86_400_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function detectDepegs(series: PricePoint[], policy: DepegPolicy = DEFAULT_DEPEG_POLICY): DepegEpisode[] {
  const sorted = [...series].sort((a, b) => dayMs(a.date) - dayMs(b.date));
  const episodes: DepegEpisode[] = [];
  let run: PricePoint[] = [];
  const close = (ongoing: boolean) => {
    if (run.length > 0) {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last && dayMs(last.date) - dayMs(first.date) >= policy.minHours * 3_600_000) {
        const points = run.map((p) => ({ ...p, deviationBp: pegDeviationBp(p.priceUsd) }));
        let lowest = first.priceUsd;
        let furthest = 0;
        for (const p of points) {
          const a = parseDecimal(p.priceUsd);
          const b = parseDecimal(lowest);
          if (a && b && compareDec(a, b) < 0) lowest = p.priceUsd;
          if (Math.abs(p.deviationBp) > Math.abs(furthest)) furthest = p.deviationBp;
        }
        episodes.push({ startDate: first.date, endDate: last.date, ongoing, lowestPrice: lowest, maxDeviationBp: furthest, points });
      }
    }
    run = [];
  };
  for (const point of sorted) {
    const prev = run[run.length - 1];
    if (prev && dayMs(point.date) - dayMs(prev.date) > DAY) close(false); // a missing day ends the run
    if (outsideBand(point.priceUsd, policy.bandBp)) {
      if (prev && dayMs(point.date) === dayMs(prev.date)) continue; // one point per day
      run.push(point);
    } else close(false);
  }
  close(true);
  return episodes;
}
