import { PNG } from 'pngjs';
import { contactSheet, encodePng } from './contact-sheet';

const tile = (value: number) => ({ width: 2, height: 3, data: new Uint8Array(2 * 3 * 3).fill(value) });

describe('contact sheet', () => {
  it('lays tiles out in rows with gaps and encodes a PNG that decodes to the same pixels', () => {
    const sheet = contactSheet([[tile(100), tile(200)], [tile(50)]], 1, 0);
    expect(sheet).toMatchObject({ width: 2 * 2 + 3, height: 2 * 3 + 3 });
    const at = (x: number, y: number) => sheet.data[(y * sheet.width + x) * 3];
    expect([at(0, 0), at(1, 1), at(4, 1), at(1, 5), at(4, 5)]).toEqual([0, 100, 200, 50, 0]);
    const decoded = PNG.sync.read(encodePng(sheet));
    expect([decoded.width, decoded.height]).toEqual([sheet.width, sheet.height]);
    expect(decoded.data[(1 * sheet.width + 4) * 4]).toBe(200);
  });
});
