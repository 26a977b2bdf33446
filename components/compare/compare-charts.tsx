import type { IssuerPageModel } from "@/lib/server/queries/issuer-page";

/** Coverage and composition of several issuers on shared scales. */
export function CompareCharts({ models }: { models: IssuerPageModel[] }) {
  void models;
  return null;
}
