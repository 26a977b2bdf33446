-- CreateEnum
CREATE TYPE "SuggestionField" AS ENUM ('total_reserves', 'tokens_outstanding', 'composition', 'date', 'other');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('pending', 'accepted', 'declined');

-- CreateTable
CREATE TABLE "correction_suggestion" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "attestation_id" TEXT,
    "field" "SuggestionField" NOT NULL,
    "figure" TEXT NOT NULL,
    "proposed_value" TEXT NOT NULL,
    "source_url" TEXT NOT NULL,
    "contact" TEXT,
    "snapshot" JSONB NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'pending',
    "decline_reason" TEXT,
    "follow_token_hash" TEXT NOT NULL,
    "ip_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,

    CONSTRAINT "correction_suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "correction_suggestion_follow_token_hash_key" ON "correction_suggestion"("follow_token_hash");

-- CreateIndex
CREATE INDEX "correction_suggestion_status_created_at_idx" ON "correction_suggestion"("status", "created_at");

-- CreateIndex
CREATE INDEX "correction_suggestion_ip_hash_created_at_idx" ON "correction_suggestion"("ip_hash", "created_at");

-- AddForeignKey
ALTER TABLE "correction_suggestion" ADD CONSTRAINT "correction_suggestion_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_suggestion" ADD CONSTRAINT "correction_suggestion_attestation_id_fkey" FOREIGN KEY ("attestation_id") REFERENCES "attestation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_suggestion" ADD CONSTRAINT "correction_suggestion_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

