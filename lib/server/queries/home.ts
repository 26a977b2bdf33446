import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { editionNumber } from "@/lib/domain/import/public-pack";
import type { DatasetNotice } from "@/lib/domain/views/dataset";
import { readDb } from "@/lib/server/db";

import { PUBLISHED_DATA, TAGS } from "./tags";

export async function datasetNotice(): Promise<DatasetNotice> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [demo, real, load] = await Promise.all([
    readDb().issuer.count({ where: { isDemo: true } }),
    readDb().issuer.count({ where: { isDemo: false } }),
    readDb().datasetLoad.findFirst({
      where: { edition: { not: null } },
      orderBy: { id: "desc" },
      select: { edition: true, compiled: true, at: true },
    }),
  ]);
  const pack = load
    ? { number: load.edition ? editionNumber(load.edition) : null, compiled: load.compiled, loadedAt: load.at.toISOString() }
    : null;
  return { demo: demo > 0, real: real > 0, pack };
}
