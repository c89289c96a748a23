// The embedded default: a queue in this process's memory. Jobs that were queued when the process
// stopped are still QUEUED in the database; the worker re-enqueues them at start-up.
import type { ConsumeOptions, JobQueueDriver, QueueHandler, QueueMessage } from './job-queue.driver';

interface Consumer {
  handler: QueueHandler;
  options: ConsumeOptions;
  running: number;
}

export class InProcessQueueDriver implements JobQueueDriver {
  readonly name = 'in-process';
  private readonly waiting: QueueMessage[] = [];
  private readonly consumers: Consumer[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();

  async enqueue(message: QueueMessage): Promise<void> {
    if (this.shutdown.signal.aborted) throw new Error('the queue is closed');
    this.waiting.push(message);
    this.dispatch();
  }

  consume(handler: QueueHandler, options: ConsumeOptions): void {
    this.consumers.push({ handler, options, running: 0 });
    this.dispatch();
  }

  /** Always answers: the queue lives in this process. */
  ping(): Promise<void> {
    return Promise.resolve();
  }

  /** Resolves once no message is waiting for a consumer and no handler is running. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private dispatch(): void {
    for (const consumer of this.consumers) {
      while (consumer.running < consumer.options.concurrency && !this.shutdown.signal.aborted) {
        const index = this.waiting.findIndex((m) => consumer.options.kinds.includes(m.kind));
        if (index < 0) break;
        const [message] = this.waiting.splice(index, 1);
        this.run(consumer, message);
      }
    }
  }

  private run(consumer: Consumer, message: QueueMessage): void {
    consumer.running++;
    // A handler's failure is recorded on its job row by the worker; the queue only moves on.
    const task = consumer
      .handler(message, this.shutdown.signal)
      .catch(() => undefined)
      .finally(() => {
        consumer.running--;
        this.inFlight.delete(task);
        this.dispatch();
      });
    this.inFlight.add(task);
  }
}
