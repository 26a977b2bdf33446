import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { editionNumber } from "@/lib/domain/import/public-pack";
import { db } from "@/lib/server/db";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** Which kinds of data are loaded: every page says so (fictional demo issuers, compiled public figures). */
/** The edition of the public-reports pack the published data last came from (a load or a re-import). */
export interface PackEditionLoaded {
  /** 1 for the first edition, 2 for the second, …; null when the pack's README named none we read. */
  number: number | null;
  compiled: string | null;
  loadedAt: string;
}

export async function datasetNotice(): Promise<{ demo: boolean; real: boolean; pack: PackEditionLoaded | null }> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [demo, real, load] = await Promise.all([
    db().issuer.count({ where: { isDemo: true } }),
    db().issuer.count({ where: { isDemo: false } }),
    db().datasetLoad.findFirst({ where: { edition: { not: null } }, orderBy: { id: "desc" }, select: { edition: true, compiled: true, at: true } }),
  ]);
  const pack = load ? { number: load.edition ? editionNumber(load.edition) : null, compiled: load.compiled, loadedAt: load.at.toISOString() } : null;
  return { demo: demo > 0, real: real > 0, pack };
}
