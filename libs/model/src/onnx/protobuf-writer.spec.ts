// The wire format against bytes worked out by hand from the protobuf encoding rules.
import { ProtobufWriter } from './protobuf-writer';

describe('ProtobufWriter', () => {
  it('writes varints in seven-bit groups, least significant first', () => {
    expect([...new ProtobufWriter().varint(1, 300).finish()]).toEqual([0x08, 0xac, 0x02]);
  });

  it('writes a negative int64 as ten bytes of two’s complement', () => {
    const bytes = new ProtobufWriter().varint(2, -1).finish();
    expect([...bytes]).toEqual([0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });

  it('prefixes strings and embedded messages with their length', () => {
    const bytes = new ProtobufWriter()
      .string(2, 'ab')
      .message(3, (m) => m.varint(1, 1))
      .finish();
    expect([...bytes]).toEqual([0x12, 0x02, 0x61, 0x62, 0x1a, 0x02, 0x08, 0x01]);
  });

  it('writes a single float as a fixed32 field', () => {
    expect([...new ProtobufWriter().float32(2, 1).finish()]).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
  });

  it('packs repeated varints and little-endian floats', () => {
    expect([...new ProtobufWriter().packedVarints(1, [1, 2]).finish()]).toEqual([0x0a, 0x02, 0x01, 0x02]);
    expect([...new ProtobufWriter().packedFloats(7, [1]).finish()]).toEqual([0x3a, 0x04, 0x00, 0x00, 0x80, 0x3f]);
  });

  it('grows past its initial buffer without losing bytes', () => {
    const payload = new Uint8Array(1000).map((_, i) => i % 251);
    const bytes = new ProtobufWriter().bytes(1, payload).finish();
    expect(bytes.length).toBe(1000 + 3);
    expect([...bytes.subarray(3)]).toEqual([...payload]);
  });
});
