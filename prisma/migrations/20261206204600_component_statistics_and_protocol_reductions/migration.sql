-- AlterTable
ALTER TABLE "InferenceRun" ADD COLUMN     "protocolReductions" JSONB;

-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "componentStatistics" JSONB;
