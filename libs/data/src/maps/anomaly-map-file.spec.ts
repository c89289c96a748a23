import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyMapWriter, readAnomalyMap, readAnomalyMapHeader } from './anomaly-map-file';

describe('anomaly map file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-maps-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores each frame and component and reads any one back', async () => {
    const file = path.join(dir, 'maps.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 3, height: 2, scale: 1, components: ['teacherError', 'discrepancy'] });
    for (let f = 0; f < 4; f++) {
      await writer.append({ teacherError: new Uint8Array(6).fill(f), discrepancy: new Uint8Array(6).fill(100 + f) });
    }
    expect(fs.existsSync(file)).toBe(false); // nothing visible until finished
    await writer.finish();
    expect(await readAnomalyMapHeader(file)).toEqual({ width: 3, height: 2, scale: 1, components: ['teacherError', 'discrepancy'], frameCount: 4 });
    expect(Array.from((await readAnomalyMap(file, 2, 'teacherError')).map)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(Array.from((await readAnomalyMap(file, 3, 'discrepancy')).map)).toEqual([103, 103, 103, 103, 103, 103]);
    await expect(readAnomalyMap(file, 4, 'teacherError')).rejects.toThrow('frame 4 is outside 0..3');
  });

  it('leaves no file behind when aborted, and refuses maps of the wrong size', async () => {
    const file = path.join(dir, 'aborted.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 2, height: 2, scale: 1, components: ['teacherError'] });
    await expect(writer.append({ teacherError: new Uint8Array(3), discrepancy: null })).rejects.toThrow('must have 4 bytes');
    await writer.abort();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });
});
