import { detectContainer, detectImage } from './media-type';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('detectContainer', () => {
  it('recognises ISO-BMFF, AVI and Matroska headers', () => {
    expect(detectContainer(bytes([0, 0, 0, 32], 'ftypisom'))).toBe('iso-bmff');
    expect(detectContainer(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toBe('avi');
    expect(detectContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]))).toBe('matroska');
  });

  it('rejects other content, such as a RIFF WAVE file or random text', () => {
    expect(detectContainer(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeUndefined();
    expect(detectContainer(bytes('hello, this is text'))).toBeUndefined();
    expect(detectContainer(new Uint8Array(0))).toBeUndefined();
  });
});

describe('detectImage', () => {
  it('recognises PNG, JPEG, both TIFF byte orders and BMP', () => {
    expect(detectImage(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(detectImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectImage(bytes('II', [42, 0]))).toBe('tiff');
    expect(detectImage(bytes('MM', [0, 42]))).toBe('tiff');
    expect(detectImage(bytes('BM', [0, 0, 0, 0]))).toBe('bmp');
  });

  it('rejects a GIF', () => {
    expect(detectImage(bytes('GIF89a'))).toBeUndefined();
  });
});
