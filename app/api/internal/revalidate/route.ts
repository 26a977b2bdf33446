import { timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";

// Called once by `npm start` after the server is up: cached pages survive a
// restart on disk, their invalidations do not (STACK.md), so expire them all.
// Protected by a random token that changes at every start.
export async function POST(request: Request) {
  const expected = process.env.REVALIDATE_TOKEN;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const ok = !!expected && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) return Response.json({ error: "not found" }, { status: 404 });
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true });
}
