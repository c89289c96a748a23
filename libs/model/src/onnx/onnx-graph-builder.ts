// Builds an ONNX graph node by node with generated value names, so that the detector's export
// (export-onnx.ts) reads like its tfjs forward pass. Weights and constants become initializers.
import { ModelError, ModelErrorCode } from '../model.error';
import { OnnxDataType, type OnnxAttributeValue, type OnnxModel, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from './onnx-model.proto';

export const attr = {
  int: (value: number): OnnxAttributeValue => ({ kind: 'int', value }),
  float: (value: number): OnnxAttributeValue => ({ kind: 'float', value }),
  ints: (value: number[]): OnnxAttributeValue => ({ kind: 'ints', value }),
};

export class OnnxGraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly inputs: OnnxValueInfo[] = [];
  private readonly outputs: OnnxValueInfo[] = [];
  private readonly names = new Set<string>();
  private readonly constants = new Map<string, string>();
  private counter = 0;

  /** A float32 graph input. */
  input(name: string, shape: (number | string)[]): string {
    this.claim(name);
    this.inputs.push({ name, elemType: OnnxDataType.Float, shape });
    return name;
  }

  /** A float32 initializer (weights, folded constants). */
  weight(name: string, values: Float32Array, dims: number[]): string {
    this.claim(name);
    this.initializers.push({ name, dims, dataType: OnnxDataType.Float, values });
    return name;
  }

  /** A float32 scalar constant; equal values share one initializer. */
  scalar(value: number): string {
    const key = `f${value}`;
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    const name = this.fresh('scalar');
    this.initializers.push({ name, dims: [], dataType: OnnxDataType.Float, values: Float32Array.of(value) });
    this.constants.set(key, name);
    return name;
  }

  /** A 1-D int64 constant (shapes, axes, slice bounds); equal lists share one initializer. */
  int64s(values: readonly number[]): string {
    const key = `i${values.join(',')}`;
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    const name = this.fresh('int64s');
    this.initializers.push({ name, dims: [values.length], dataType: OnnxDataType.Int64, values: BigInt64Array.from(values, (v) => BigInt(v)) });
    this.constants.set(key, name);
    return name;
  }

  /** Adds a node with one output and returns the output's name. */
  op(opType: string, inputs: string[], attributes: Record<string, OnnxAttributeValue> = {}): string {
    const output = this.fresh(opType.toLowerCase());
    this.nodes.push({ opType, name: `${output}_node`, inputs, outputs: [output], attributes });
    return output;
  }

  /** Declares `value` as the graph output `name` (through an Identity node, so the name is stable). */
  output(name: string, value: string, shape: (number | string)[]): void {
    this.claim(name);
    this.nodes.push({ opType: 'Identity', name: `${name}_node`, inputs: [value], outputs: [name], attributes: {} });
    this.outputs.push({ name, elemType: OnnxDataType.Float, shape });
  }

  build(meta: Omit<OnnxModel, 'graph'> & { graphName: string }): OnnxModel {
    const { graphName, ...rest } = meta;
    return {
      ...rest,
      graph: { name: graphName, nodes: this.nodes, initializers: this.initializers, inputs: this.inputs, outputs: this.outputs },
    };
  }

  private fresh(prefix: string): string {
    let name: string;
    do name = `${prefix}_${this.counter++}`;
    while (this.names.has(name));
    this.names.add(name);
    return name;
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new ModelError(ModelErrorCode.InvalidConfig, `ONNX value ${name} defined twice`);
    this.names.add(name);
  }
}
