import "server-only";

import { cacheLife } from "next/cache";

import { fromUtcDate } from "@/lib/domain/dates";

import { PUBLISHED_DATA } from "./tags";

/**
 * Today's date (UTC) for "days since" and overdue judgements. Read inside a
 * cache scope: the pages that use it are cached, and the hourly revalidation
 * of the "reports" profile keeps the date current.
 */
export async function todayUtc(): Promise<string> {
  "use cache";
  cacheLife(PUBLISHED_DATA);
  return fromUtcDate(new Date());
}
