import type { IssuerPageModel } from "@/lib/server/queries/issuer-page";

/** Composition, coverage and cadence over time (server-rendered SVG). */
export function IssuerCharts({ model }: { model: IssuerPageModel }) {
  void model;
  return null;
}
