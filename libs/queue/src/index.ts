export type { ConsumeOptions, JobKindName, JobQueueDriver, QueueHandler, QueueMessage } from './job-queue.driver';
export { InProcessQueueDriver } from './in-process-queue.driver';
export { BullmqQueueDriver, type BullmqQueueOptions } from './bullmq-queue.driver';
