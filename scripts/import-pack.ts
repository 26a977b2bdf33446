// `npm run import-pack -- [folder] [--dry-run]`: re-imports a newer version of
// the public-reports pack (default data/public-reports) into the database
// `npm start` uses. Unchanged rows stay, changed figures become corrections
// with revision history, new rows are added; nothing is deleted.
import path from "node:path";

import { locateProblem, PackError, packToDataset } from "@/lib/domain/import/public-pack";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";
import { loadLiveSources } from "@/lib/server/live/sources";

import { refreshRunningServer, withAppDatabase } from "./lib/app-database";
import { log, projectDir } from "./lib/project";
import { PACK_DIR, prismaFor, readPack } from "./lib/seed";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const dir = path.resolve(projectDir, args.find((a) => !a.startsWith("--")) ?? PACK_DIR);

async function main() {
  let pack;
  try {
    pack = packToDataset(readPack(dir));
  } catch (err) {
    if (err instanceof PackError) throw new Error(`The pack in ${dir} has problems; nothing was imported:\n${err.message}`);
    throw err;
  }
  await withAppDatabase(async (url) => {
    const prisma = prismaFor(url);
    try {
      const result = await reimportDataset(prisma, pack.dataset, "system: public-reports pack re-import", { dryRun });
      if (!result.ok) {
        const lines = result.problems.map((p) => {
          const at = locateProblem(pack, p.where, p.message);
          return `  ${at.file}, line ${at.line}, column ${at.column}: ${at.message}`;
        });
        throw new Error(`The pack failed validation; nothing was imported:\n${lines.join("\n")}`);
      }
      const s = result.summary;
      log(`${pack.dataset.label}${dryRun ? " (dry run: nothing was written). It would do:" : ", imported:"}`);
      log(`  issuers: ${s.issuers.added.length} added, ${s.issuers.updated.length} updated, ${s.issuers.unchanged} unchanged`);
      log(
        `  reports: ${s.reports.added.length} added, ${s.reports.corrected.length} corrected (earlier figures kept as revisions), ${s.reports.unchanged} unchanged`,
      );
      log(`  stress events: ${s.stressEvents.added} added, ${s.stressEvents.updated} updated, ${s.stressEvents.unchanged} unchanged`);
      for (const [record, cells] of Object.entries(s.changedCells)) log(`    changed ${record}: ${cells.join(", ")}`);
      if (s.issuers.notInDataset.length || s.reports.notInDataset.length || s.stressEvents.notInDataset) {
        log(
          `  kept, though not in this pack: ${s.issuers.notInDataset.length} issuers, ${s.reports.notInDataset.length} reports, ${s.stressEvents.notInDataset} stress events (retract them in the editor if they should go)`,
        );
      }
      if (!dryRun) {
        const live = await loadLiveSources(prisma);
        log(`  live sources: ${JSON.stringify(live)}`);
      }
      if (!dryRun && (await refreshRunningServer()) === "refreshed") log("the running server's pages were refreshed");
    } finally {
      await prisma.$disconnect();
    }
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`[usd1-backed] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
