import "server-only";

// Which edition of a dataset the published data comes from: one row per load
// of an empty database and per re-import, written in the same transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatasetInput } from "@/lib/domain/schemas/dataset";

export async function recordDatasetLoad(
  tx: Prisma.TransactionClient,
  kind: "load" | "reimport",
  data: Pick<DatasetInput, "label" | "edition">,
  summary: object,
): Promise<void> {
  await tx.datasetLoad.create({
    data: {
      kind,
      label: data.label,
      edition: data.edition?.name ?? null,
      compiled: data.edition?.compiled ?? null,
      summary: summary as Prisma.InputJsonValue,
    },
  });
}
