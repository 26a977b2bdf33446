import { createIssuer } from "@/lib/server/commands/issuers";
import { readJson, writeHandler } from "@/lib/server/edge/http";

export const POST = writeHandler("create issuer", async (req) => ({ ...(await createIssuer(() => readJson(req))), status: 201 }));
