import { embedResponse } from "@/lib/server/embed/respond";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return embedResponse(slug, "coverage");
}
