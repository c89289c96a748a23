import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyMapWriter, readAnomalyMap, readAnomalyMapHeader, readAnomalyMapVolume } from './anomaly-map-file';

describe('anomaly map file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-maps-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores each frame and component as float32 and reads any one back, or the whole volume', async () => {
    const file = path.join(dir, 'maps.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 3, height: 2, components: ['teacherError', 'discrepancy'] });
    for (let f = 0; f < 4; f++) {
      await writer.append({ teacherError: Float32Array.from({ length: 6 }, (_, i) => f + i / 8), discrepancy: new Float32Array(6).fill(100.25 + f) });
    }
    expect(fs.existsSync(file)).toBe(false); // nothing visible until finished
    await writer.finish();
    expect(await readAnomalyMapHeader(file)).toEqual({ width: 3, height: 2, components: ['teacherError', 'discrepancy'], frameCount: 4 });
    expect(Array.from((await readAnomalyMap(file, 2, 'teacherError')).map)).toEqual([2, 2.125, 2.25, 2.375, 2.5, 2.625]);
    expect(Array.from((await readAnomalyMap(file, 3, 'discrepancy')).map)).toEqual(new Array(6).fill(103.25));
    await expect(readAnomalyMap(file, 4, 'teacherError')).rejects.toThrow('frame 4 is outside 0..3');
    const volume = await readAnomalyMapVolume(file);
    expect(volume.teacherError).toHaveLength(4);
    expect(Array.from(volume.teacherError[1])).toEqual([1, 1.125, 1.25, 1.375, 1.5, 1.625]);
    expect(Array.from(volume.discrepancy?.[0] ?? [])).toEqual(new Array(6).fill(100.25));
  });

  it('reads a file without discrepancy maps as a volume without them', async () => {
    const file = path.join(dir, 'teacher-only.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 1, height: 1, components: ['teacherError'] });
    await writer.append({ teacherError: Float32Array.of(0.5), discrepancy: null });
    await writer.finish();
    const volume = await readAnomalyMapVolume(file);
    expect(volume.discrepancy).toBeNull();
    await expect(readAnomalyMap(file, 0, 'discrepancy')).rejects.toThrow('has no discrepancy maps');
  });

  it('leaves no file behind when aborted, and refuses maps of the wrong size', async () => {
    const file = path.join(dir, 'aborted.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 2, height: 2, components: ['teacherError'] });
    await expect(writer.append({ teacherError: new Float32Array(3), discrepancy: null })).rejects.toThrow('must have 4 values');
    await writer.abort();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });

  it('refuses files of the older byte format and truncated files with a clear message', async () => {
    const older = path.join(dir, 'older.bin');
    const header = Buffer.alloc(512);
    header.write('VADMAPS1{"width":1,"height":1,"scale":1,"components":["teacherError"],"frameCount":1}', 'utf8');
    fs.writeFileSync(older, Buffer.concat([header, Buffer.of(7)]));
    await expect(readAnomalyMapVolume(older)).rejects.toThrow('older format');
    const truncated = path.join(dir, 'truncated.bin');
    const writer = await AnomalyMapWriter.create(truncated, { width: 2, height: 2, components: ['teacherError'] });
    await writer.append({ teacherError: new Float32Array(4), discrepancy: null });
    await writer.finish();
    fs.truncateSync(truncated, 512 + 8);
    await expect(readAnomalyMapVolume(truncated)).rejects.toThrow('truncated');
  });
});
