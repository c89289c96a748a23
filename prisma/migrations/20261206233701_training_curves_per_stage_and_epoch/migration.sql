-- CreateTable
CREATE TABLE "LossPoint" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "globalStep" INTEGER NOT NULL,
    "loss" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "LossPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpochResult" (
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "epoch" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "loss" DOUBLE PRECISION NOT NULL,
    "validationLoss" DOUBLE PRECISION,
    "seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "EpochResult_pkey" PRIMARY KEY ("jobId","attempt","epoch")
);

-- CreateIndex
CREATE INDEX "LossPoint_jobId_attempt_id_idx" ON "LossPoint"("jobId", "attempt", "id");

-- AddForeignKey
ALTER TABLE "LossPoint" ADD CONSTRAINT "LossPoint_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Move the loss histories recorded so far (no stage or epoch was kept with them) into the curve table
INSERT INTO "LossPoint" ("jobId", "attempt", "stage", "epoch", "step", "globalStep", "loss")
SELECT j."id", j."attempt", 'unknown', 0, h.n, h.n, h.loss
FROM "Job" j, unnest(j."lossHistory") WITH ORDINALITY AS h(loss, n)
ORDER BY j."id", h.n;

-- AlterTable
ALTER TABLE "Job" DROP COLUMN "lossHistory";

-- AddForeignKey
ALTER TABLE "EpochResult" ADD CONSTRAINT "EpochResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
