export { startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner';
export type { JobExecution, JobHandler, JobHandlers } from './job-handler';
export { importAndRecordDataset, recordImportedDataset, type ImportDatasetRequest, type ImportDatasetResult } from './handlers/import-dataset';
export { recalibrateCheckpoint, trainDetector, type TrainDetectorRequest, type TrainDetectorResult } from './training/train-detector';
export { createJobHandlers, sharedBackend, type JobHandlerOptions } from './handlers/create-job-handlers';
export { describeBackend, type WorkerDescription } from './worker-description';
export type { JobProgressReport } from './job-handler';
export { writeAnomalyMaps } from './scoring/write-anomaly-maps';
export { componentsOfScores } from './scoring/run-components';
export { unitFrameReader } from './scoring/unit-frame-reader';
export {
  COMPONENT_STATISTICS_FILE,
  measureComponentStatistics,
  readComponentStatistics,
  scoreVideoComponents,
  testMaskingMismatch,
  writeComponentStatistics,
  type StoredComponentStatistics,
} from './scoring/component-statistics-file';
export { defaultValidationVideos } from './training/train-detector';
export { regionMetrics, type RegionMetrics, type RegionVideo } from './evaluation/region-metrics';
export { selectKinds, serveWorker, startPlatformWorker, type PlatformWorkerOptions } from './platform-worker';
