// Data-parallel training on one machine: N worker threads, each a full replica of the model (one wasm
// instance per core, since wasm runs one thread in Node). Every step splits the batch into N shares;
// the replicas synchronise BatchNorm statistics and add up their gradients through shared memory, then
// all apply the same update, so they stay identical and the result equals a single-thread step's
// (training-step.ts, ReplicaShare). Weights cross threads only at the start and for checkpoints.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackendChoice } from '../../backends/select-backend';
import type { OptimizerConfig } from '../../config/model-config';
import type { Detector } from '../../detector/detector';
import { ModelError, ModelErrorCode } from '../../model.error';
import type { SeededRandom } from '@vad/data/random';
import { checkBatch } from '../batch-tensors';
import type { StageStart } from '../stage-optimizer';
import type { RunnerState, StepRunner } from '../step-runner';
import type { TrainingBatch } from '../training-batch';
import type { StepLosses, TrainingStage } from '../training-step';
import { batchShard, splitBatch } from './batch-shards';
import { abortChannel, createReplicaChannelMemory, setParticipants, type ReplicaChannelMemory } from './replica-channel';
import type { ReplicaInit, ReplicaReply, ReplicaRequest } from './replica-protocol';

export interface DataParallelOptions {
  replicas: number;
  /** The coordinator's model: replicas start from its weights, and state() writes theirs back into it. */
  detector: Detector;
  optimizer: OptimizerConfig;
  /** The run's random stream; the replicas continue it and state() reports where they are. */
  rng: SeededRandom;
  /** tfjs backend of the replicas (default wasm). */
  backend?: BackendChoice;
}

/**
 * The young generation of each replica's heap. A training step allocates many short-lived typed arrays
 * (the JS training kernels' outputs); with V8's default nursery the replicas scavenge often, and the
 * scavenger's helper threads, as far as we can tell, take the core of the other replica, which then waits
 * at the next barrier (one thread alone does not gain from a larger nursery: its helpers use an idle core).
 * With 128 MB, `vad bench train --preset cpu-ped2 --workers 2` measured 1.28–1.91× over one thread (median
 * 1.78× of 7 runs) on 2 cores; with the default, 1.36–1.89× (median 1.53× of 7).
 */
const REPLICA_YOUNG_GENERATION_MB = 128;

/**
 * Replica threads run the TypeScript sources through tsx, as the rest of the platform does; a bundled
 * build (tools/gpu-bench) ships the thread as `replica-thread.cjs` beside the bundle instead.
 */
function startReplicaThread(init: ReplicaInit): Worker {
  const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: REPLICA_YOUNG_GENERATION_MB } };
  if (path.extname(__filename) !== '.ts') return new Worker(path.join(__dirname, 'replica-thread.cjs'), options);
  const entry = path.join(__dirname, 'replica-thread.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}

class ReplicaHandle {
  private pending: { resolve: (reply: ReplicaReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(
    readonly worker: Worker,
    readonly rank: number,
    onFailure: (error: Error) => void,
  ) {
    worker.on('message', (reply: ReplicaReply) => {
      const pending = this.pending;
      this.pending = null;
      if (reply.type === 'error') {
        const error = new ModelError((reply.code as ModelErrorCode | null) ?? ModelErrorCode.TrainingFailed, `training replica ${rank}: ${reply.message}`);
        onFailure(error);
        pending?.reject(error);
      } else {
        pending?.resolve(reply);
      }
    });
    const lost = (error: Error) => {
      this.failure ??= error;
      onFailure(error);
      this.pending?.reject(error);
      this.pending = null;
    };
    worker.on('error', (error) => lost(new ModelError(ModelErrorCode.TrainingFailed, `training replica ${rank} crashed: ${error.message}`)));
    worker.on('exit', (code) => lost(new ModelError(ModelErrorCode.TrainingFailed, `training replica ${rank} exited (code ${code})`)));
  }

  /** The next reply of this replica (the first one is its 'ready'). */
  next(): Promise<ReplicaReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.pending !== null) throw new Error(`replica ${this.rank} already has a request in flight`);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }

  request(message: ReplicaRequest, transfer: ArrayBuffer[] = []): Promise<ReplicaReply> {
    const reply = this.next();
    this.worker.postMessage(message, transfer);
    return reply;
  }
}

export class DataParallelReplicas implements StepRunner {
  private closed = false;

  private constructor(
    private readonly options: DataParallelOptions,
    private readonly memory: ReplicaChannelMemory,
    private readonly handles: ReplicaHandle[],
  ) {}

  static async start(options: DataParallelOptions): Promise<DataParallelReplicas> {
    if (!Number.isInteger(options.replicas) || options.replicas < 2) {
      throw new ModelError(ModelErrorCode.InvalidConfig, `data-parallel training needs at least 2 replicas, got ${options.replicas}`);
    }
    const memory = createReplicaChannelMemory(options.replicas);
    const weights = await options.detector.parameters.snapshot();
    const handles: ReplicaHandle[] = [];
    const onFailure = () => abortChannel(memory);
    for (let rank = 0; rank < options.replicas; rank++) {
      const init: ReplicaInit = {
        rank,
        memory,
        backend: options.backend ?? 'wasm',
        config: options.detector.config,
        optimizer: options.optimizer,
        weights,
        randomState: options.rng.getState(),
      };
      handles.push(new ReplicaHandle(startReplicaThread(init), rank, onFailure));
    }
    const replicas = new DataParallelReplicas(options, memory, handles);
    try {
      await Promise.all(handles.map((h) => h.next()));
    } catch (error) {
      await replicas.dispose();
      throw error;
    }
    return replicas;
  }

  async beginStage(start: StageStart): Promise<void> {
    await this.all(() => ({ type: 'stage', start }));
  }

  async step(batch: TrainingBatch, stage: TrainingStage): Promise<StepLosses> {
    checkBatch(batch, this.options.detector.config);
    const shards = splitBatch(batch.size, this.handles.length);
    setParticipants(this.memory, shards.length);
    const replies = await Promise.all(
      shards.map((shard, rank) => {
        const share = batchShard(batch, shard);
        const transfer = [share.input.buffer, share.target.buffer, share.tokenWeights.buffer, share.hasAnomaly.buffer] as ArrayBuffer[];
        return this.handles[rank].request({ type: 'step', stage, shard, batch: share }, transfer);
      }),
    );
    // A batch smaller than the replica count leaves replicas out; they take the others' state so that
    // all stay identical (rare: at most the last batch of an epoch).
    if (shards.length < this.handles.length) await this.resynchronise(shards.length);
    const first = replies[0];
    if (first.type !== 'losses') throw new Error(`replica 0 answered a step with ${first.type}`);
    return first.losses;
  }

  async state(): Promise<RunnerState> {
    const reply = await this.handles[0].request({ type: 'state' });
    if (reply.type !== 'state') throw new Error(`replica 0 answered a state request with ${reply.type}`);
    this.options.detector.parameters.restore(reply.weights);
    return { weights: reply.weights, optimizer: reply.optimizer, randomState: reply.randomState };
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    abortChannel(this.memory);
    await Promise.all(this.handles.map((h) => h.worker.terminate()));
  }

  private async resynchronise(from: number): Promise<void> {
    const reply = await this.handles[0].request({ type: 'state' });
    if (reply.type !== 'state') throw new Error(`replica 0 answered a state request with ${reply.type}`);
    await Promise.all(this.handles.slice(from).map((h) => h.request({ ...reply, type: 'load' })));
  }

  private async all(message: () => ReplicaRequest): Promise<ReplicaReply[]> {
    return Promise.all(this.handles.map((h) => h.request(message())));
  }
}
