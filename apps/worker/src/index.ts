export { startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner';
export type { JobExecution, JobHandler, JobHandlers } from './job-handler';
export {
  importAndRecordDataset,
  recordImportedDataset,
  type ImportDatasetRequest,
  type ImportDatasetResult,
} from './handlers/import-dataset';
