// The subset of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
// ValueInfoProto) that the detector's export needs, as plain data, and its encoding. Field numbers are
// those of the official onnx/onnx.proto; only float32 and int64 tensors, stored as raw little-endian bytes.
import { ProtobufWriter } from './protobuf-writer';

/** TensorProto.DataType values used here. */
export const OnnxDataType = { Float: 1, Int64: 7 } as const;
export type OnnxDataType = (typeof OnnxDataType)[keyof typeof OnnxDataType];

/** AttributeProto.AttributeType values used here. */
const AttributeType = { Float: 1, Int: 2, Floats: 6, Ints: 7 } as const;

export type OnnxAttributeValue =
  { kind: 'int'; value: number } | { kind: 'float'; value: number } | { kind: 'ints'; value: number[] } | { kind: 'floats'; value: number[] };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, OnnxAttributeValue>;
}

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: OnnxDataType;
  /** Values in row-major order; int64 tensors hold integers. */
  values: Float32Array | BigInt64Array;
}

export interface OnnxValueInfo {
  name: string;
  elemType: OnnxDataType;
  /** A number is a fixed size, a string a symbolic one (e.g. "batch"). */
  shape: (number | string)[];
}

export interface OnnxModel {
  /** IR version of the file format (8 goes with opset 17). */
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  metadata: Record<string, string>;
  graph: {
    name: string;
    nodes: OnnxNode[];
    initializers: OnnxTensor[];
    inputs: OnnxValueInfo[];
    outputs: OnnxValueInfo[];
  };
}

function writeAttribute(w: ProtobufWriter, name: string, attribute: OnnxAttributeValue): void {
  w.string(1, name);
  switch (attribute.kind) {
    case 'float':
      w.float32(2, attribute.value);
      break;
    case 'int':
      w.varint(3, attribute.value);
      break;
    case 'floats':
      w.packedFloats(7, attribute.value);
      break;
    case 'ints':
      w.packedVarints(8, attribute.value);
      break;
  }
  const type = { float: AttributeType.Float, int: AttributeType.Int, floats: AttributeType.Floats, ints: AttributeType.Ints }[attribute.kind];
  w.varint(20, type);
}

function writeNode(w: ProtobufWriter, node: OnnxNode): void {
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name);
  w.string(4, node.opType);
  for (const [name, attribute] of Object.entries(node.attributes)) w.message(5, (a) => writeAttribute(a, name, attribute));
}

function writeTensor(w: ProtobufWriter, tensor: OnnxTensor): void {
  w.packedVarints(1, tensor.dims);
  w.varint(2, tensor.dataType);
  w.string(8, tensor.name);
  const { values } = tensor;
  // raw_data is little-endian; typed arrays use the host order, little-endian on every platform Node supports.
  w.bytes(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function writeValueInfo(w: ProtobufWriter, info: OnnxValueInfo): void {
  w.string(1, info.name);
  w.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.varint(1, info.elemType);
      tensorType.message(2, (shape) => {
        for (const dim of info.shape) shape.message(1, (d) => (typeof dim === 'number' ? d.varint(1, dim) : d.string(2, dim)));
      });
    }),
  );
}

/** The serialised ModelProto: the bytes of a `.onnx` file. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new ProtobufWriter();
  w.varint(1, model.irVersion);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  w.string(6, model.docString);
  w.message(7, (g) => {
    for (const node of model.graph.nodes) g.message(1, (n) => writeNode(n, node));
    g.string(2, model.graph.name);
    for (const tensor of model.graph.initializers) g.message(5, (t) => writeTensor(t, tensor));
    for (const input of model.graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
    for (const output of model.graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
  });
  w.message(8, (opset) => opset.string(1, '').varint(2, model.opsetVersion));
  for (const [key, value] of Object.entries(model.metadata)) w.message(14, (e) => e.string(1, key).string(2, value));
  return w.finish();
}

/**
 * The metadata_props of a ModelProto (field 14), read by walking its top-level fields and skipping the
 * others: enough to tell which version of our own export a stored `.onnx` file is.
 */
export function decodeOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const utf8 = new TextDecoder();
  const fields = (from: number, to: number, visit: (field: number, start: number, end: number) => void) => {
    let at = from;
    const varint = () => {
      let value = 0;
      let scale = 1;
      for (;;) {
        if (at >= to) throw new RangeError('truncated varint');
        const byte = bytes[at++];
        value += (byte & 0x7f) * scale;
        if (byte < 0x80) return value;
        scale *= 128;
      }
    };
    while (at < to) {
      const key = varint();
      const wire = key % 8;
      if (wire === 0) varint();
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else if (wire === 2) {
        const length = varint();
        visit(Math.floor(key / 8), at, at + length);
        at += length;
      } else throw new RangeError(`unsupported wire type ${wire}`);
    }
  };
  const metadata: Record<string, string> = {};
  fields(0, bytes.length, (field, start, end) => {
    if (field !== 14) return;
    let key = '';
    let value = '';
    fields(start, end, (inner, s, e) => {
      if (inner === 1) key = utf8.decode(bytes.subarray(s, e));
      if (inner === 2) value = utf8.decode(bytes.subarray(s, e));
    });
    metadata[key] = value;
  });
  return metadata;
}
