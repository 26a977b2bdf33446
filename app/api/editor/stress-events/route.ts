import { createStressEvent } from "@/lib/server/commands/stress-events";
import { readJson, writeHandler } from "@/lib/server/edge/http";

export const POST = writeHandler("create stress event", async (req) => ({
  ...(await createStressEvent(() => readJson(req))),
  status: 201,
}));
