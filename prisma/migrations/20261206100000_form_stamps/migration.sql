-- CreateTable
CREATE TABLE "form_stamp" (
    "hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "form_stamp_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "form_stamp_expires_at_idx" ON "form_stamp"("expires_at");

