-- CreateTable
CREATE TABLE "dataset_load" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "edition" TEXT,
    "compiled" TEXT,
    "summary" JSONB,

    CONSTRAINT "dataset_load_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dataset_load_at_idx" ON "dataset_load"("at");
