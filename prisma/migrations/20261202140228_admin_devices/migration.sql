-- The owner's known browsers (ADR 006): failures from one count against that browser alone, and
-- failures from any other browser count per address and email, per address, and (much higher)
-- per email, so a stranger can no longer lock the owner out by failing five times with the email.

-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "deviceId" TEXT;

-- CreateTable
CREATE TABLE "AdminDevice" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminDevice_tokenHash_key" ON "AdminDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "AdminDevice_lastUsedAt_idx" ON "AdminDevice"("lastUsedAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_deviceId_createdAt_idx" ON "LoginAttempt"("deviceId", "createdAt");
