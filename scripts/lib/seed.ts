// Fills an empty database: the demo set (for now the only content).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { demoDataset } from "@/prisma/seed/demo";

export function prismaFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
}

export type SeedOutcome = { loaded: false; issuers: number } | { loaded: true; label: string; issuers: number; attestations: number; stressEvents: number };

export async function seedIfEmpty(url: string): Promise<SeedOutcome> {
  const prisma = prismaFor(url);
  try {
    const issuers = await prisma.issuer.count();
    if (issuers > 0) return { loaded: false, issuers };
    const dataset = demoDataset();
    const result = await loadDataset(prisma, dataset, "system: demo data loader");
    if (!result.ok) {
      const list = result.problems.slice(0, 20).map((p) => `  ${p.where}: ${p.message}`).join("\n");
      throw new Error(`The demo data failed validation; nothing was loaded:\n${list}`);
    }
    return { loaded: true, label: dataset.label, issuers: result.issuers, attestations: result.attestations, stressEvents: result.stressEvents };
  } finally {
    await prisma.$disconnect();
  }
}
