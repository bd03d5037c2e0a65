-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('Pending', 'Processing', 'Paid', 'Refunded', 'Failed', 'Canceled');

-- CreateEnum
CREATE TYPE "StatusSource" AS ENUM ('finalize', 'webhook', 'reconcile', 'manual');

-- CreateEnum
CREATE TYPE "WebhookEventState" AS ENUM ('Pending', 'Processed', 'Ignored', 'Failed');

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priceAmount" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "imagePath" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "email" TEXT,
    "name" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "postalCode" TEXT,
    "country" VARCHAR(2),
    "paymentIntentId" TEXT,
    "intentAmount" INTEGER,
    "intentCurrency" VARCHAR(3),
    "intentCartVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartLine" (
    "cartId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CartLine_pkey" PRIMARY KEY ("cartId","productId")
);

-- CreateTable
CREATE TABLE "PaymentOrders" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "paymentIntentId" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'Pending',
    "lines" JSONB NOT NULL,
    "shipping" JSONB,
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "PaymentOrders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderStatusHistory" (
    "id" BIGSERIAL NOT NULL,
    "orderId" UUID NOT NULL,
    "fromStatus" "OrderStatus",
    "toStatus" "OrderStatus" NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "source" "StatusSource" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "stripeEventId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderStatusHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "payload" JSONB NOT NULL,
    "state" "WebhookEventState" NOT NULL DEFAULT 'Pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSignatureFailure" (
    "minute" TIMESTAMP(3) NOT NULL,
    "cause" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WebhookSignatureFailure_pkey" PRIMARY KEY ("minute","cause")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cart_paymentIntentId_key" ON "Cart"("paymentIntentId");

-- CreateIndex
CREATE INDEX "CartLine_productId_idx" ON "CartLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrders_number_key" ON "PaymentOrders"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrders_paymentIntentId_key" ON "PaymentOrders"("paymentIntentId");

-- CreateIndex
CREATE INDEX "PaymentOrders_cartId_idx" ON "PaymentOrders"("cartId");

-- CreateIndex
CREATE INDEX "PaymentOrders_status_updatedAt_idx" ON "PaymentOrders"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "OrderStatusHistory_orderId_id_idx" ON "OrderStatusHistory"("orderId", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_objectId_idx" ON "WebhookEvent"("objectId");

-- CreateIndex
CREATE INDEX "WebhookEvent_state_receivedAt_idx" ON "WebhookEvent"("state", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderStatusHistory" ADD CONSTRAINT "OrderStatusHistory_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrders"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invariants the database keeps whatever code writes (added by hand: Prisma has no syntax for them).
ALTER TABLE "Product" ADD CONSTRAINT "Product_priceAmount_nonnegative" CHECK ("priceAmount" >= 0);
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_quantity_range" CHECK ("quantity" BETWEEN 1 AND 99);
ALTER TABLE "PaymentOrders" ADD CONSTRAINT "PaymentOrders_amount_nonnegative" CHECK ("amount" >= 0);
ALTER TABLE "PaymentOrders" ADD CONSTRAINT "PaymentOrders_amountRefunded_range"
  CHECK ("amountRefunded" BETWEEN 0 AND "amount");
