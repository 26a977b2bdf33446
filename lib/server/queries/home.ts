import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/server/db";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** Which kinds of data are loaded: every page says so (fictional demo issuers, compiled public figures). */
export async function datasetNotice(): Promise<{ demo: boolean; real: boolean }> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [demo, real] = await Promise.all([db().issuer.count({ where: { isDemo: true } }), db().issuer.count({ where: { isDemo: false } })]);
  return { demo: demo > 0, real: real > 0 };
}
