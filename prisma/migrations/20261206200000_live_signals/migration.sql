-- CreateEnum
CREATE TYPE "LiveReadingKind" AS ENUM ('supply', 'reserve_balance', 'reserve_feed', 'issuer_figure');

-- CreateEnum
CREATE TYPE "StressDraftStatus" AS ENUM ('open', 'dismissed', 'published');

-- CreateTable
CREATE TABLE "live_token_deployment" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "note" TEXT,
    "source_url" TEXT,
    "compiled_from" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_token_deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_reserve_address" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "asset_address" TEXT NOT NULL,
    "asset_decimals" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "source_url" TEXT,
    "compiled_from" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_reserve_address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_reserve_feed" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "feed_address" TEXT NOT NULL,
    "decimals" INTEGER,
    "reports" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'USD',
    "source_url" TEXT,
    "compiled_from" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_reserve_feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_transparency_endpoint" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "adapter" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "source_url" TEXT,
    "compiled_from" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_transparency_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_reading" (
    "id" BIGSERIAL NOT NULL,
    "kind" "LiveReadingKind" NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "chain" TEXT,
    "block_number" BIGINT,
    "slot" BIGINT,
    "raw" TEXT,
    "decimals" INTEGER,
    "amount" DECIMAL(78,18) NOT NULL,
    "source_as_of" TIMESTAMPTZ(3),
    "endpoint_id" TEXT NOT NULL,
    "response_sha256" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_reading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_reading_failure" (
    "id" BIGSERIAL NOT NULL,
    "kind" "LiveReadingKind" NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "chain" TEXT,
    "endpoint_id" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_reading_failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_breaker" (
    "endpoint_id" TEXT NOT NULL,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3),
    "next_probe_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_breaker_pkey" PRIMARY KEY ("endpoint_id")
);

-- CreateTable
CREATE TABLE "live_price" (
    "id" BIGSERIAL NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "price_usd" DECIMAL(20,10) NOT NULL,
    "source" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_price_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stress_event_draft" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "kind" "StressKind" NOT NULL DEFAULT 'depeg',
    "token" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "lowest_price" DECIMAL(20,10) NOT NULL,
    "max_deviation_bp" INTEGER NOT NULL,
    "band_bp" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "status" "StressDraftStatus" NOT NULL DEFAULT 'open',
    "stress_event_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "stress_event_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_run" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "summary" JSONB,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "live_token_deployment_issuer_id_chain_address_key" ON "live_token_deployment"("issuer_id", "chain", "address");

-- CreateIndex
CREATE UNIQUE INDEX "live_reserve_address_issuer_id_chain_address_asset_address_key" ON "live_reserve_address"("issuer_id", "chain", "address", "asset_address");

-- CreateIndex
CREATE UNIQUE INDEX "live_reserve_feed_issuer_id_chain_feed_address_key" ON "live_reserve_feed"("issuer_id", "chain", "feed_address");

-- CreateIndex
CREATE UNIQUE INDEX "live_transparency_endpoint_issuer_id_adapter_url_key" ON "live_transparency_endpoint"("issuer_id", "adapter", "url");

-- CreateIndex
CREATE INDEX "live_reading_target_id_metric_read_at_idx" ON "live_reading"("target_id", "metric", "read_at" DESC);

-- CreateIndex
CREATE INDEX "live_reading_issuer_id_kind_read_at_idx" ON "live_reading"("issuer_id", "kind", "read_at" DESC);

-- CreateIndex
CREATE INDEX "live_reading_failure_target_id_at_idx" ON "live_reading_failure"("target_id", "at" DESC);

-- CreateIndex
CREATE INDEX "live_reading_failure_endpoint_id_at_idx" ON "live_reading_failure"("endpoint_id", "at" DESC);

-- CreateIndex
CREATE INDEX "live_price_issuer_id_date_idx" ON "live_price"("issuer_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "live_price_issuer_id_token_date_source_key" ON "live_price"("issuer_id", "token", "date", "source");

-- CreateIndex
CREATE INDEX "stress_event_draft_status_created_at_idx" ON "stress_event_draft"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "stress_event_draft_issuer_id_token_kind_start_date_key" ON "stress_event_draft"("issuer_id", "token", "kind", "start_date");

-- CreateIndex
CREATE INDEX "job_run_name_started_at_idx" ON "job_run"("name", "started_at" DESC);

-- CreateIndex
CREATE INDEX "job_run_started_at_idx" ON "job_run"("started_at");

-- AddForeignKey
ALTER TABLE "live_token_deployment" ADD CONSTRAINT "live_token_deployment_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_reserve_address" ADD CONSTRAINT "live_reserve_address_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_reserve_feed" ADD CONSTRAINT "live_reserve_feed_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_transparency_endpoint" ADD CONSTRAINT "live_transparency_endpoint_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_reading" ADD CONSTRAINT "live_reading_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_reading_failure" ADD CONSTRAINT "live_reading_failure_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_price" ADD CONSTRAINT "live_price_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stress_event_draft" ADD CONSTRAINT "stress_event_draft_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

