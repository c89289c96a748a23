// Shared memory through which the replicas of a data-parallel training step meet: a barrier and a
// scratch area for sums. Each replica writes its vector into its own slot, waits for the others, then
// adds the slots in rank order, so every replica receives bit-identical totals — replicas that apply
// the same update to the same weights stay identical without weights ever being shipped around.
// Slots are double-buffered by barrier generation: consecutive sums use alternate halves, so one barrier
// per sum suffices (a replica comes back to a half only after everyone has arrived at the next barrier,
// that is, after everyone has read it).
import type { CrossReplicaSum } from '../../blocks/forward-mode';
import { ModelError, ModelErrorCode } from '../../model.error';

const GENERATION = 0;
const ARRIVED = 1;
const PARTICIPANTS = 2;
const ABORTED = 3;

/** What the coordinating thread creates and hands to every replica thread. */
export interface ReplicaChannelMemory {
  control: SharedArrayBuffer;
  scratch: SharedArrayBuffer;
  replicas: number;
  /** Float64 values per replica slot; longer vectors are summed in chunks. */
  slotLength: number;
}

export function createReplicaChannelMemory(replicas: number, slotLength = 1 << 19): ReplicaChannelMemory {
  if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be a positive integer, got ${replicas}`);
  return {
    control: new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT),
    scratch: new SharedArrayBuffer(2 * replicas * slotLength * Float64Array.BYTES_PER_ELEMENT),
    replicas,
    slotLength,
  };
}

/** Called by the coordinator before a step: the replicas of ranks 0..count−1 take part in it. */
export function setParticipants(memory: ReplicaChannelMemory, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > memory.replicas) throw new RangeError(`participants must be in 1..${memory.replicas}, got ${count}`);
  Atomics.store(new Int32Array(memory.control), PARTICIPANTS, count);
}

/** Called by the coordinator when a replica failed: the others stop waiting for it and fail too. */
export function abortChannel(memory: ReplicaChannelMemory): void {
  const control = new Int32Array(memory.control);
  Atomics.store(control, ABORTED, 1);
  Atomics.notify(control, GENERATION);
}

export class ReplicaChannel implements CrossReplicaSum {
  private readonly control: Int32Array;
  /** slots[half][rank]. */
  private readonly slots: Float64Array[][];

  constructor(
    private readonly memory: ReplicaChannelMemory,
    private readonly rank: number,
    /** How often a waiting replica checks whether the step was aborted. */
    private readonly pollMs = 200,
  ) {
    if (!Number.isInteger(rank) || rank < 0 || rank >= memory.replicas) throw new RangeError(`rank ${rank} is not in 0..${memory.replicas - 1}`);
    this.control = new Int32Array(memory.control);
    const slot = (index: number) => new Float64Array(memory.scratch, index * memory.slotLength * 8, memory.slotLength);
    this.slots = [0, 1].map((half) => Array.from({ length: memory.replicas }, (_, r) => slot(half * memory.replicas + r)));
  }

  /** Element-wise sum of `local` over the participating replicas, identical on each of them. */
  sum(local: Float64Array | Float32Array): Float64Array {
    const participants = Atomics.load(this.control, PARTICIPANTS);
    if (this.rank >= participants) throw new RangeError(`replica ${this.rank} is not one of the ${participants} taking part in this step`);
    const total = new Float64Array(local.length);
    const { slotLength } = this.memory;
    for (let start = 0; start < local.length; start += slotLength) {
      const end = Math.min(local.length, start + slotLength);
      // Every participant reads the same generation here: none can pass the coming barrier before all arrive.
      const slots = this.slots[Atomics.load(this.control, GENERATION) & 1];
      slots[this.rank].set(local.subarray(start, end));
      this.barrier(participants);
      const chunk = total.subarray(start, end);
      chunk.set(slots[0].subarray(0, end - start));
      for (let r = 1; r < participants; r++) {
        const slot = slots[r];
        for (let i = 0; i < chunk.length; i++) chunk[i] += slot[i];
      }
    }
    return total;
  }

  private barrier(participants: number): void {
    const control = this.control;
    const generation = Atomics.load(control, GENERATION);
    if (Atomics.add(control, ARRIVED, 1) === participants - 1) {
      Atomics.store(control, ARRIVED, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      return;
    }
    while (Atomics.load(control, GENERATION) === generation) {
      if (Atomics.load(control, ABORTED) !== 0) {
        throw new ModelError(ModelErrorCode.TrainingFailed, 'another training replica failed during this step');
      }
      Atomics.wait(control, GENERATION, generation, this.pollMs);
    }
  }
}
