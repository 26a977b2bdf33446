import { updateIssuer } from "@/lib/server/commands/issuers";
import { readJson, writeHandler, type IdContext } from "@/lib/server/edge/http";

export const PUT = writeHandler("update issuer", async (req, { params }: IdContext) =>
  updateIssuer((await params).id, () => readJson(req)),
);
