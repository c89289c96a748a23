-- DropIndex
DROP INDEX "Video_datasetVersionId_name_key";

-- AlterTable
ALTER TABLE "GroundTruth" ADD COLUMN     "maskFormat" TEXT,
ADD COLUMN     "maskFrameIndices" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateIndex
CREATE UNIQUE INDEX "Video_datasetVersionId_split_name_key" ON "Video"("datasetVersionId", "split", "name");
