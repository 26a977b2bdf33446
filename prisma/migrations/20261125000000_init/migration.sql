-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "BackingModel" AS ENUM ('fiat_reserve', 'hybrid', 'onchain_overcollateralized', 'algorithm_assisted');

-- CreateEnum
CREATE TYPE "IssuerStatus" AS ENUM ('active', 'winding_down', 'discontinued');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'none');

-- CreateEnum
CREATE TYPE "ReportType" AS ENUM ('attestation', 'audit', 'issuer_report', 'proof_of_reserves');

-- CreateEnum
CREATE TYPE "Assurance" AS ENUM ('audit', 'examination', 'review', 'agreed_upon_procedures', 'management_assertion', 'onchain_proof', 'self_reported', 'unknown');

-- CreateEnum
CREATE TYPE "Opinion" AS ENUM ('unqualified', 'qualified', 'adverse', 'disclaimer', 'none', 'unknown');

-- CreateEnum
CREATE TYPE "ReportScope" AS ENUM ('reserves_and_tokens', 'reserves_only', 'group_assets_liabilities');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('primary', 'regulator', 'press', 'secondary');

-- CreateEnum
CREATE TYPE "Precision" AS ENUM ('exact', 'rounded', 'lower_bound');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month');

-- CreateEnum
CREATE TYPE "AttestationState" AS ENUM ('draft', 'published', 'retracted');

-- CreateEnum
CREATE TYPE "ReserveCategory" AS ENUM ('cash_deposits', 'tbills_93d', 'treasury_notes_bonds', 'repo_overnight', 'gov_mmf', 'other_mmf', 'commercial_paper_cds', 'corporate_bonds', 'secured_loans', 'onchain_crypto', 'precious_metals', 'other_undisclosed');

-- CreateEnum
CREATE TYPE "CounterpartyRole" AS ENUM ('bank', 'custodian', 'asset_manager', 'other');

-- CreateEnum
CREATE TYPE "StressKind" AS ENUM ('depeg', 'redemption_halt', 'counterparty_exposure', 'regulatory_action', 'operational_incident', 'reserve_policy_change');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor');

-- CreateTable
CREATE TABLE "issuer" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_symbols" TEXT[],
    "legal_entity" TEXT,
    "website" TEXT,
    "home_jurisdiction" TEXT,
    "backing_model" "BackingModel" NOT NULL,
    "status" "IssuerStatus" NOT NULL DEFAULT 'active',
    "declared_cadence" "Cadence" NOT NULL,
    "chains" TEXT[],
    "description" TEXT,
    "redemption_eligibility" TEXT,
    "redemption_minimum_usd" DECIMAL(22,2),
    "redemption_fee" TEXT,
    "redemption_settlement" TEXT,
    "attestation_firms" TEXT,
    "source_url" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "issuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licence" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "regulator" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "since" DATE,
    "source_url" TEXT,

    CONSTRAINT "licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "counterparty" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "CounterpartyRole" NOT NULL,
    "source_url" TEXT,

    CONSTRAINT "counterparty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "as_of_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "published_on" DATE,
    "report_type" "ReportType" NOT NULL,
    "assurance" "Assurance" NOT NULL DEFAULT 'unknown',
    "firm" TEXT,
    "standard" TEXT,
    "opinion" "Opinion" NOT NULL DEFAULT 'unknown',
    "scope" "ReportScope" NOT NULL DEFAULT 'reserves_and_tokens',
    "report_url" TEXT,
    "report_sha256" TEXT,
    "source_url" TEXT,
    "source_kind" "SourceKind" NOT NULL DEFAULT 'primary',
    "tokens_outstanding" DECIMAL(22,2),
    "tokens_precision" "Precision",
    "total_reserves" DECIMAL(22,2),
    "reserves_precision" "Precision",
    "liquidity_1d_pct" DECIMAL(7,4),
    "liquidity_7d_pct" DECIMAL(7,4),
    "liquidity_30d_pct" DECIMAL(7,4),
    "notes" TEXT,
    "state" "AttestationState" NOT NULL DEFAULT 'draft',
    "first_published_at" TIMESTAMPTZ(3),
    "retracted_at" TIMESTAMPTZ(3),
    "retracted_reason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "composition_line" (
    "id" TEXT NOT NULL,
    "attestation_id" TEXT NOT NULL,
    "category" "ReserveCategory" NOT NULL,
    "amount_usd" DECIMAL(22,2),
    "amount_precision" "Precision",
    "share_pct" DECIMAL(7,4),
    "custodian" TEXT NOT NULL DEFAULT '',
    "maturity" TEXT,
    "source_url" TEXT,

    CONSTRAINT "composition_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation_revision" (
    "id" TEXT NOT NULL,
    "attestation_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" TEXT,

    CONSTRAINT "attestation_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stress_event" (
    "id" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "kind" "StressKind" NOT NULL,
    "lowest_price" DECIMAL(12,6),
    "reserve_exposure_usd" DECIMAL(22,2),
    "exposure_precision" "Precision",
    "summary" TEXT NOT NULL,
    "issuer_response" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stress_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stress_source" (
    "id" TEXT NOT NULL,
    "stress_event_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,

    CONSTRAINT "stress_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'editor',
    "sessions_valid_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "issuer_slug_key" ON "issuer"("slug");

-- CreateIndex
CREATE INDEX "licence_issuer_id_idx" ON "licence"("issuer_id");

-- CreateIndex
CREATE UNIQUE INDEX "counterparty_issuer_id_name_role_key" ON "counterparty"("issuer_id", "name", "role");

-- CreateIndex
CREATE INDEX "attestation_state_as_of_idx" ON "attestation"("state", "as_of");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_issuer_id_as_of_report_type_key" ON "attestation"("issuer_id", "as_of", "report_type");

-- CreateIndex
CREATE UNIQUE INDEX "composition_line_attestation_id_category_custodian_key" ON "composition_line"("attestation_id", "category", "custodian");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_revision_attestation_id_revision_key" ON "attestation_revision"("attestation_id", "revision");

-- CreateIndex
CREATE INDEX "stress_event_issuer_id_start_date_idx" ON "stress_event"("issuer_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "stress_source_stress_event_id_url_key" ON "stress_source"("stress_event_id", "url");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_idx" ON "audit_entry"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- AddForeignKey
ALTER TABLE "licence" ADD CONSTRAINT "licence_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counterparty" ADD CONSTRAINT "counterparty_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation" ADD CONSTRAINT "attestation_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "composition_line" ADD CONSTRAINT "composition_line_attestation_id_fkey" FOREIGN KEY ("attestation_id") REFERENCES "attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_revision" ADD CONSTRAINT "attestation_revision_attestation_id_fkey" FOREIGN KEY ("attestation_id") REFERENCES "attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_revision" ADD CONSTRAINT "attestation_revision_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stress_event" ADD CONSTRAINT "stress_event_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stress_source" ADD CONSTRAINT "stress_source_stress_event_id_fkey" FOREIGN KEY ("stress_event_id") REFERENCES "stress_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Rules the database enforces itself (the Prisma schema language cannot state
-- them; migrate diff ignores CHECK constraints and triggers, so no drift).
-- ---------------------------------------------------------------------------

ALTER TABLE "issuer"
  ADD CONSTRAINT "issuer_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "issuer_name_present" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "issuer_redemption_minimum_nonnegative" CHECK ("redemption_minimum_usd" IS NULL OR "redemption_minimum_usd" >= 0),
  ADD CONSTRAINT "issuer_version_positive" CHECK ("version" >= 1);

ALTER TABLE "attestation"
  ADD CONSTRAINT "attestation_tokens_nonnegative" CHECK ("tokens_outstanding" IS NULL OR "tokens_outstanding" >= 0),
  ADD CONSTRAINT "attestation_reserves_nonnegative" CHECK ("total_reserves" IS NULL OR "total_reserves" >= 0),
  -- a precision is recorded exactly when the figure is
  ADD CONSTRAINT "attestation_tokens_precision_iff_amount" CHECK (("tokens_outstanding" IS NULL) = ("tokens_precision" IS NULL)),
  ADD CONSTRAINT "attestation_reserves_precision_iff_amount" CHECK (("total_reserves" IS NULL) = ("reserves_precision" IS NULL)),
  ADD CONSTRAINT "attestation_published_not_before_as_of" CHECK ("published_on" IS NULL OR "published_on" >= "as_of"),
  ADD CONSTRAINT "attestation_month_precision_first_day" CHECK ("as_of_precision" = 'day' OR extract(day FROM "as_of") = 1),
  ADD CONSTRAINT "attestation_liquidity_range" CHECK (
    ("liquidity_1d_pct" IS NULL OR "liquidity_1d_pct" BETWEEN 0 AND 100) AND
    ("liquidity_7d_pct" IS NULL OR "liquidity_7d_pct" BETWEEN 0 AND 100) AND
    ("liquidity_30d_pct" IS NULL OR "liquidity_30d_pct" BETWEEN 0 AND 100)),
  ADD CONSTRAINT "attestation_sha256_format" CHECK ("report_sha256" IS NULL OR "report_sha256" ~ '^[0-9a-f]{64}$'),
  -- a report is public only with a link to what it was read from
  ADD CONSTRAINT "attestation_published_has_source" CHECK ("state" = 'draft' OR "report_url" IS NOT NULL OR "source_url" IS NOT NULL),
  ADD CONSTRAINT "attestation_retraction_has_reason" CHECK (("state" = 'retracted') = ("retracted_reason" IS NOT NULL)),
  ADD CONSTRAINT "attestation_revision_positive" CHECK ("revision" >= 1 AND "version" >= 1);

ALTER TABLE "composition_line"
  ADD CONSTRAINT "composition_amount_nonnegative" CHECK ("amount_usd" IS NULL OR "amount_usd" >= 0),
  ADD CONSTRAINT "composition_share_range" CHECK ("share_pct" IS NULL OR "share_pct" BETWEEN 0 AND 100),
  ADD CONSTRAINT "composition_amount_or_share" CHECK ("amount_usd" IS NOT NULL OR "share_pct" IS NOT NULL),
  ADD CONSTRAINT "composition_precision_iff_amount" CHECK (("amount_usd" IS NULL) = ("amount_precision" IS NULL));

ALTER TABLE "stress_event"
  ADD CONSTRAINT "stress_event_dates_ordered" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"),
  ADD CONSTRAINT "stress_event_price_nonnegative" CHECK ("lowest_price" IS NULL OR "lowest_price" >= 0),
  ADD CONSTRAINT "stress_event_exposure_nonnegative" CHECK ("reserve_exposure_usd" IS NULL OR "reserve_exposure_usd" >= 0),
  ADD CONSTRAINT "stress_event_exposure_precision_iff_amount" CHECK (("reserve_exposure_usd" IS NULL) = ("exposure_precision" IS NULL)),
  ADD CONSTRAINT "stress_event_summary_present" CHECK (length(btrim("summary")) > 0);

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_email_lowercase" CHECK ("email" = lower("email"));

-- The audit log is append-only: no UPDATE, no DELETE, no TRUNCATE, whoever asks.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_entry_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();

CREATE TRIGGER "audit_entry_no_truncate"
  BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
