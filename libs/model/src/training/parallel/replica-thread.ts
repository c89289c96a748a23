// One data-parallel training replica, run as a worker thread: its own TensorFlow.js (on wasm, one
// instance per core), a full copy of the model, the optimiser and the random stream. It trains on its
// share of each batch and meets the other replicas through the shared ReplicaChannel.
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../../backends/select-backend';
import { Detector } from '../../detector/detector';
import { ModelError } from '../../model.error';
import { SeededRandom } from '@vad/data/random';
import type { AdamOptimizer } from '../adam-optimizer';
import { batchTensors, disposeBatchTensors } from '../batch-tensors';
import { stageOptimizer } from '../stage-optimizer';
import { trainingStep } from '../training-step';
import { ReplicaChannel } from './replica-channel';
import type { ReplicaInit, ReplicaReply, ReplicaRequest } from './replica-protocol';

async function runReplica(port: NonNullable<typeof parentPort>, init: ReplicaInit): Promise<void> {
  const reply = (message: ReplicaReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const fail = (error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error), code: error instanceof ModelError ? error.code : null });
  let detector: Detector;
  try {
    await selectBackend({ backend: init.backend, log: () => undefined });
    detector = Detector.create(init.config, 0);
    detector.parameters.restore(init.weights);
  } catch (error) {
    fail(error);
    return;
  }
  let rng = SeededRandom.fromState(init.randomState);
  const channel = new ReplicaChannel(init.memory, init.rank);
  let optimizer: AdamOptimizer | null = null;

  // one request at a time: the coordinator waits for each reply before it sends the next
  port.on('message', async (request: ReplicaRequest) => {
    try {
      if (request.type === 'stage') {
        optimizer?.dispose();
        optimizer = null;
        optimizer = stageOptimizer(detector, init.optimizer, request.start);
        reply({ type: 'done' });
      } else if (request.type === 'step') {
        if (optimizer === null) throw new Error('a stage must begin before the first step');
        const tensors = batchTensors(request.batch, detector.config);
        try {
          reply({ type: 'losses', losses: await trainingStep(detector, optimizer, tensors, request.stage, rng, { shard: request.shard, channel }) });
        } finally {
          disposeBatchTensors(tensors);
        }
      } else if (request.type === 'load') {
        if (optimizer === null) throw new Error('a stage must begin before a state is loaded');
        detector.parameters.restore(request.weights);
        optimizer.restore(request.optimizer);
        rng = SeededRandom.fromState(request.randomState);
        reply({ type: 'done' });
      } else {
        if (optimizer === null) throw new Error('a stage must begin before the state is read');
        const weights = await detector.parameters.snapshot();
        const moments = await optimizer.snapshot();
        reply({ type: 'state', weights, optimizer: moments, randomState: rng.getState() });
      }
    } catch (error) {
      fail(error);
    }
  });
  reply({ type: 'ready' });
}

if (parentPort !== null) void runReplica(parentPort, workerData as ReplicaInit);
