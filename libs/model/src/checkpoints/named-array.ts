// A tensor's values on the host, by name: the unit that checkpoints write and read.

export interface NamedArray {
  name: string;
  shape: number[];
  values: Float32Array;
}
