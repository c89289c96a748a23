export { startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner';
export type { JobExecution, JobHandler, JobHandlers } from './job-handler';
export {
  importAndRecordDataset,
  recordImportedDataset,
  type ImportDatasetRequest,
  type ImportDatasetResult,
} from './handlers/import-dataset';
export { trainDetector, type TrainDetectorRequest, type TrainDetectorResult } from './training/train-detector';
export { createJobHandlers, type JobHandlerOptions } from './handlers/create-job-handlers';
export type { JobProgressReport } from './job-handler';
export { writeAnomalyMaps } from './inference/write-anomaly-maps';
