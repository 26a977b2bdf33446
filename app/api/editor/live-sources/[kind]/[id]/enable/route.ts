import { enableLiveSource } from "@/lib/server/commands/live-sources";
import { readJson, writeHandler } from "@/lib/server/edge/http";

type KindIdContext = { params: Promise<{ kind: string; id: string }> };

export const POST = writeHandler("enable live source", async (req, { params }: KindIdContext) => {
  const { kind, id } = await params;
  return enableLiveSource(kind, id, () => readJson(req));
});
