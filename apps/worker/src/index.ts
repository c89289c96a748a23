export { startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner';
export type { JobExecution, JobHandler, JobHandlers } from './job-handler';
