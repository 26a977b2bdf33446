-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('succeeded', 'failed', 'blocked');

-- CreateTable
CREATE TABLE "invite" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'editor',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "user_id" TEXT,

    CONSTRAINT "invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT,
    "ip" TEXT,
    "outcome" "SignInOutcome" NOT NULL,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invite_token_hash_key" ON "invite"("token_hash");

-- CreateIndex
CREATE INDEX "invite_email_idx" ON "invite"("email");

-- CreateIndex
CREATE INDEX "sign_in_attempt_email_at_idx" ON "sign_in_attempt"("email", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_at_idx" ON "sign_in_attempt"("ip", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_at_idx" ON "sign_in_attempt"("at");

-- AddForeignKey
ALTER TABLE "invite" ADD CONSTRAINT "invite_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite" ADD CONSTRAINT "invite_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Rules the database enforces itself (added by hand: migrate diff does not
-- model CHECK constraints, so they cause no drift).
-- ---------------------------------------------------------------------------

ALTER TABLE "invite"
  ADD CONSTRAINT "invite_token_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "invite_email_lowercase" CHECK ("email" = lower("email") AND length(btrim("email")) > 0),
  ADD CONSTRAINT "invite_expires_after_creation" CHECK ("expires_at" > "created_at"),
  -- an invite is used exactly when it names the account it created
  ADD CONSTRAINT "invite_used_has_user" CHECK (("used_at" IS NULL) = ("user_id" IS NULL)),
  ADD CONSTRAINT "invite_not_used_and_revoked" CHECK ("used_at" IS NULL OR "revoked_at" IS NULL);

ALTER TABLE "sign_in_attempt"
  ADD CONSTRAINT "sign_in_attempt_email_lowercase" CHECK ("email" IS NULL OR "email" = lower("email"));

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_display_name_present" CHECK (length(btrim("display_name")) > 0);
