import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/server/db";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** Whether fictional demo issuers are loaded: every page then says so. */
export async function datasetNotice(): Promise<{ demo: boolean }> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const demo = await db().issuer.count({ where: { isDemo: true } });
  return { demo: demo > 0 };
}
