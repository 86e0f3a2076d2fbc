-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderEventType" ADD VALUE 'REFUND_DUE';
ALTER TYPE "OrderEventType" ADD VALUE 'REFUNDED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "refundReason" TEXT,
ADD COLUMN     "refundedAt" TIMESTAMP(3);

-- At most one PENDING order per reader and product (issue 9: two tabs or a double click created
-- several, and paying two charged the reader twice). Older duplicates already in the table are
-- closed first, with a timeline entry; a payment that still arrives for one is honoured and, since
-- the reader then already has access, flagged for a refund.
WITH "ranked" AS (
  SELECT "id", row_number() OVER (PARTITION BY "readerId", "productId" ORDER BY "createdAt" DESC, "id" DESC) AS "rank"
  FROM "Order" WHERE "status" = 'PENDING'
), "closed" AS (
  UPDATE "Order" o SET "status" = 'EXPIRED', "updatedAt" = (now() AT TIME ZONE 'UTC')
  FROM "ranked" r WHERE o."id" = r."id" AND r."rank" > 1
  RETURNING o."id"
)
INSERT INTO "OrderEvent" ("orderId", "type", "actor", "reason", "detail", "createdAt")
SELECT "id", 'EXPIRED', 'system', 'Replaced by a newer pending order of the same reader for the same product.',
       jsonb_build_object('previousStatus', 'PENDING', 'event', 'REPLACED_BY_NEW_ORDER'), (now() AT TIME ZONE 'UTC')
FROM "closed";

CREATE UNIQUE INDEX "Order_one_pending_per_reader_and_product" ON "Order" ("readerId", "productId") WHERE "status" = 'PENDING';
