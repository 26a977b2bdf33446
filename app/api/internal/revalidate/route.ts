import { timingSafeEqual } from "node:crypto";
import { revalidatePath, revalidateTag } from "next/cache";

// Called by `npm start` once the server is up: cached pages survive a restart
// on disk, their invalidations do not (docs/stack.md, "Cached pages after a restart"), so expire them all. With
// ?tag=… it expires one cache tag (maintenance commands, benchmarks).
// Protected by a random token that changes at every start.
export async function POST(request: Request) {
  const expected = process.env.REVALIDATE_TOKEN;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const ok = !!expected && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) return Response.json({ error: "not found" }, { status: 404 });
  const tag = new URL(request.url).searchParams.get("tag");
  if (tag) revalidateTag(tag, { expire: 0 });
  else revalidatePath("/", "layout");
  return Response.json({ revalidated: tag ?? "all" });
}
