-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "intentLines" JSONB;
