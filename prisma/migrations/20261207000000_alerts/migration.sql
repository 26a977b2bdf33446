-- Alerts (issue 20): subscriptions by e-mail or signed webhook, the event
-- outbox, deliveries with their attempt log, and live-condition state.
-- CreateEnum
CREATE TYPE "AlertChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "AlertSubscriptionStatus" AS ENUM ('pending', 'active', 'ended', 'dead');

-- CreateEnum
CREATE TYPE "AlertEventKind" AS ENUM ('report_published', 'report_corrected', 'report_retracted', 'report_overdue', 'stress_event', 'price_band', 'supply_divergence', 'reserve_below_supply');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('pending', 'sent', 'failed', 'dead', 'cancelled');

-- CreateTable
CREATE TABLE "alert_subscription" (
    "id" TEXT NOT NULL,
    "channel" "AlertChannel" NOT NULL,
    "address" TEXT,
    "locale" TEXT NOT NULL,
    "issuer_id" TEXT,
    "kinds" "AlertEventKind"[],
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "status" "AlertSubscriptionStatus" NOT NULL DEFAULT 'pending',
    "confirm_token_hash" TEXT,
    "confirm_expires_at" TIMESTAMPTZ(3),
    "manage_token_hash" TEXT NOT NULL,
    "webhook_secret" TEXT,
    "network_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,

    CONSTRAINT "alert_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_event" (
    "id" BIGSERIAL NOT NULL,
    "kind" "AlertEventKind" NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fanned_out_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" BIGSERIAL NOT NULL,
    "event_id" BIGINT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "smtp_response" TEXT,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "alert_delivery_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_condition" (
    "issuer_id" TEXT NOT NULL,
    "kind" "AlertEventKind" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_condition_pkey" PRIMARY KEY ("issuer_id","kind","subject")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_subscription_confirm_token_hash_key" ON "alert_subscription"("confirm_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "alert_subscription_manage_token_hash_key" ON "alert_subscription"("manage_token_hash");

-- CreateIndex
CREATE INDEX "alert_subscription_status_issuer_id_idx" ON "alert_subscription"("status", "issuer_id");

-- CreateIndex
CREATE INDEX "alert_subscription_network_hash_created_at_idx" ON "alert_subscription"("network_hash", "created_at");

-- CreateIndex
CREATE INDEX "alert_subscription_address_idx" ON "alert_subscription"("address");

-- CreateIndex
CREATE UNIQUE INDEX "alert_event_dedupe_key_key" ON "alert_event"("dedupe_key");

-- CreateIndex
CREATE INDEX "alert_event_fanned_out_at_idx" ON "alert_event"("fanned_out_at");

-- CreateIndex
CREATE INDEX "alert_event_kind_occurred_at_idx" ON "alert_event"("kind", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "alert_event_issuer_id_occurred_at_idx" ON "alert_event"("issuer_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "alert_delivery_status_next_attempt_at_idx" ON "alert_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_delivery_subscription_id_created_at_idx" ON "alert_delivery"("subscription_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "alert_delivery_event_id_subscription_id_key" ON "alert_delivery"("event_id", "subscription_id");

-- CreateIndex
CREATE INDEX "alert_delivery_attempt_delivery_id_at_idx" ON "alert_delivery_attempt"("delivery_id", "at");

-- AddForeignKey
ALTER TABLE "alert_subscription" ADD CONSTRAINT "alert_subscription_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "alert_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "alert_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery_attempt" ADD CONSTRAINT "alert_delivery_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "alert_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_condition" ADD CONSTRAINT "alert_condition_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------
-- Rules the database enforces itself (added by hand: migrate diff does not
-- model CHECK constraints, so they cause no drift).
-- ---------------------------------------------------------------------------

ALTER TABLE "alert_subscription"
  ADD CONSTRAINT "alert_subscription_locale_known" CHECK ("locale" IN ('en', 'es', 'pt')),
  ADD CONSTRAINT "alert_subscription_kinds_present" CHECK ("kinds" IS NOT NULL AND cardinality("kinds") >= 1),
  ADD CONSTRAINT "alert_subscription_digest_email_only" CHECK ("channel" = 'email' OR NOT "digest"),
  -- the address lives exactly as long as the subscription
  ADD CONSTRAINT "alert_subscription_address_while_live" CHECK (("address" IS NULL) = ("status" IN ('ended', 'dead'))),
  ADD CONSTRAINT "alert_subscription_address_present" CHECK ("address" IS NULL OR length(btrim("address")) > 0),
  ADD CONSTRAINT "alert_subscription_email_lowercase" CHECK ("channel" <> 'email' OR "address" IS NULL OR "address" = lower("address")),
  -- a webhook keeps its signing secret while it lives; e-mail has none
  ADD CONSTRAINT "alert_subscription_secret_while_live" CHECK (("webhook_secret" IS NOT NULL) = ("channel" = 'webhook' AND "status" IN ('pending', 'active'))),
  ADD CONSTRAINT "alert_subscription_pending_has_confirmation" CHECK ("status" <> 'pending' OR ("confirm_token_hash" IS NOT NULL AND "confirm_expires_at" IS NOT NULL)),
  ADD CONSTRAINT "alert_subscription_active_confirmed" CHECK ("status" <> 'active' OR "confirmed_at" IS NOT NULL),
  ADD CONSTRAINT "alert_subscription_ended_dated" CHECK (("ended_at" IS NOT NULL) = ("status" IN ('ended', 'dead'))),
  ADD CONSTRAINT "alert_subscription_hash_format" CHECK (
    "manage_token_hash" ~ '^[0-9a-f]{64}$'
    AND ("confirm_token_hash" IS NULL OR "confirm_token_hash" ~ '^[0-9a-f]{64}$')
    AND ("network_hash" IS NULL OR "network_hash" ~ '^[0-9a-f]{64}$'));

ALTER TABLE "alert_event"
  ADD CONSTRAINT "alert_event_dedupe_key_present" CHECK (length(btrim("dedupe_key")) > 0),
  ADD CONSTRAINT "alert_event_payload_object" CHECK (jsonb_typeof("payload") = 'object');

ALTER TABLE "alert_delivery"
  ADD CONSTRAINT "alert_delivery_attempts_nonnegative" CHECK ("attempts" >= 0),
  ADD CONSTRAINT "alert_delivery_sent_dated" CHECK (("sent_at" IS NOT NULL) = ("status" = 'sent'));

ALTER TABLE "alert_delivery_attempt"
  ADD CONSTRAINT "alert_delivery_attempt_numbers" CHECK ("attempt" >= 1 AND "duration_ms" >= 0);
