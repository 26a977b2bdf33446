import { updateLiveSource } from "@/lib/server/commands/live-sources";
import { readJson, writeHandler } from "@/lib/server/edge/http";

type KindIdContext = { params: Promise<{ kind: string; id: string }> };

export const PUT = writeHandler("update live source", async (req, { params }: KindIdContext) => {
  const { kind, id } = await params;
  return updateLiveSource(kind, id, () => readJson(req));
});
