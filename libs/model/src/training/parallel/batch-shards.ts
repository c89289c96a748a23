// How a training batch is split across data-parallel replicas: contiguous runs of samples, sizes
// differing by at most one, no empty share (a batch smaller than the replica count uses fewer replicas).
import type { BatchShard } from '../../blocks/forward-mode';
import type { TrainingBatch } from '../training-batch';

export function splitBatch(size: number, replicas: number): BatchShard[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch has at least one sample, got ${size}`);
  if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be a positive integer, got ${replicas}`);
  const used = Math.min(size, replicas);
  const base = Math.floor(size / used);
  const larger = size % used;
  const shards: BatchShard[] = [];
  let offset = 0;
  for (let r = 0; r < used; r++) {
    const shardSize = base + (r < larger ? 1 : 0);
    shards.push({ offset, size: shardSize, total: size });
    offset += shardSize;
  }
  return shards;
}

/** The samples of `shard` as a batch of their own (copies, so they can be transferred to another thread). */
export function batchShard(batch: TrainingBatch, shard: BatchShard): TrainingBatch {
  if (shard.total !== batch.size || shard.offset + shard.size > batch.size) {
    throw new RangeError(`samples ${shard.offset}..${shard.offset + shard.size} of ${shard.total} are not in a batch of ${batch.size}`);
  }
  const rows = (array: Float32Array) => {
    const perSample = array.length / batch.size;
    return array.slice(shard.offset * perSample, (shard.offset + shard.size) * perSample);
  };
  return {
    ...batch,
    size: shard.size,
    input: rows(batch.input),
    target: rows(batch.target),
    tokenWeights: rows(batch.tokenWeights),
    hasAnomaly: rows(batch.hasAnomaly),
  };
}
