// Fills an empty database: the public-reports pack by default (real issuers,
// compiled from public sources), or the fictional demo set (`--demo`). Both go
// through the same validated, all-or-nothing loader editors' imports use.
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { locateProblem, PackError, packToDataset, type PackFiles } from "@/lib/domain/import/public-pack";
import { CsvSyntaxError, parseCsv, type ParsedCsv } from "@/lib/domain/import/read-csv";
import type { DatasetInput } from "@/lib/domain/schemas/dataset";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { loadLiveSources } from "@/lib/server/live/sources";
import { demoDataset } from "@/prisma/seed/demo";

import { projectDir } from "./project";

/** "both" (the pack, then the demo set) is the browser tests' fixture: real and fictional issuers side by side. */
export type DatasetChoice = "public" | "demo" | "both";

export function prismaFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
}

export const PACK_DIR = path.join(projectDir, "data", "public-reports");

/** Reads the four CSV files of the pack, or of a CSV export of this product (the same format, plus columns). */
export function readPack(dir = PACK_DIR): PackFiles {
  const read = (file: string): ParsedCsv => {
    try {
      return parseCsv(fs.readFileSync(path.join(dir, file)));
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new PackError([{ file, line: err.line, column: "(row)", message: err.message }]);
      throw err;
    }
  };
  const issuers = read("issuers.csv");
  const reports = read("reports.csv");
  const composition = read("composition.csv");
  const stressEvents = read("stress_events.csv");
  return {
    issuers: issuers.rows,
    reports: reports.rows,
    composition: composition.rows,
    stressEvents: stressEvents.rows,
    lines: { issuers: issuers.lines, reports: reports.lines, composition: composition.lines, stressEvents: stressEvents.lines },
    headers: { issuers: issuers.headers, reports: reports.headers, composition: composition.headers, stressEvents: stressEvents.headers },
    readme: fs.existsSync(path.join(dir, "README.md")) ? fs.readFileSync(path.join(dir, "README.md"), "utf8") : undefined,
  };
}

export type SeedOutcome =
  { loaded: false; issuers: number } | { loaded: true; label: string; issuers: number; attestations: number; stressEvents: number };

export async function loadChosenDataset(
  prisma: PrismaClient,
  choice: Exclude<DatasetChoice, "both">,
): Promise<Exclude<SeedOutcome, { loaded: false }>> {
  let dataset: DatasetInput;
  let explain: (where: string, message: string) => string = (where, message) => `${where}: ${message}`;
  if (choice === "demo") dataset = demoDataset();
  else {
    try {
      const pack = packToDataset(readPack());
      dataset = pack.dataset;
      explain = (where, message) => {
        const p = locateProblem(pack, where, message);
        return `data/public-reports/${p.file}, line ${p.line}, column ${p.column}: ${p.message}`;
      };
    } catch (err) {
      if (err instanceof PackError) throw new Error(`The public-reports pack has problems; nothing was loaded:\n${err.message}`);
      throw err;
    }
  }
  const result = await loadDataset(prisma, dataset, choice === "demo" ? "system: demo data loader" : "system: public-reports pack loader");
  if (!result.ok) {
    const list = result.problems
      .slice(0, 20)
      .map((p) => `  ${explain(p.where, p.message)}`)
      .join("\n");
    const more = result.problems.length > 20 ? `\n  … and ${result.problems.length - 20} more` : "";
    throw new Error(`${dataset.label} failed validation; nothing was loaded:\n${list}${more}`);
  }
  // The real issuers' token deployments, reserve feeds and endpoints (data/live-sources, compiled from the reference).
  if (choice === "public") await loadLiveSources(prisma);
  return {
    loaded: true,
    label: dataset.label,
    issuers: result.issuers,
    attestations: result.attestations,
    stressEvents: result.stressEvents,
  };
}

export async function seedIfEmpty(url: string, choice: DatasetChoice): Promise<SeedOutcome> {
  const prisma = prismaFor(url);
  try {
    const issuers = await prisma.issuer.count();
    if (issuers > 0) return { loaded: false, issuers };
    if (choice === "both") {
      const pack = await loadChosenDataset(prisma, "public");
      const demo = await loadChosenDataset(prisma, "demo");
      return {
        loaded: true,
        label: `${pack.label} and ${demo.label}`,
        issuers: pack.issuers + demo.issuers,
        attestations: pack.attestations + demo.attestations,
        stressEvents: pack.stressEvents + demo.stressEvents,
      };
    }
    return await loadChosenDataset(prisma, choice);
  } finally {
    await prisma.$disconnect();
  }
}
