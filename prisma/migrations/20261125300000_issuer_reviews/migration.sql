
-- CreateTable
CREATE TABLE "issuer_review" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewer_id" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "issuer_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issuer_review_issuer_id_reviewed_at_idx" ON "issuer_review"("issuer_id", "reviewed_at" DESC);

-- AddForeignKey
ALTER TABLE "issuer_review" ADD CONSTRAINT "issuer_review_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer_review" ADD CONSTRAINT "issuer_review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

