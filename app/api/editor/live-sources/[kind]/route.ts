import { createLiveSource } from "@/lib/server/commands/live-sources";
import { readJson, writeHandler } from "@/lib/server/edge/http";

type KindContext = { params: Promise<{ kind: string }> };

export const POST = writeHandler("create live source", async (req, { params }: KindContext) => ({
  ...(await createLiveSource((await params).kind, () => readJson(req))),
  status: 201,
}));
