import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyMapWriter, readAnomalyMapHeader, readMapComponents } from './anomaly-map-file';

describe('anomaly map file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-maps-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const values = (maps: { data: Float32Array }[]) => maps.map((m) => Array.from(m.data));

  it('stores each frame’s maps as float32 and reads them back as components by channel group', async () => {
    const file = path.join(dir, 'maps.bin');
    const writer = await AnomalyMapWriter.create(file, {
      width: 3,
      height: 2,
      frameChannels: 3,
      maps: ['teacherError.frame', 'teacherError.anomalyMap', 'discrepancy.frame'],
    });
    for (let f = 0; f < 4; f++) {
      await writer.append({
        'teacherError.frame': Float32Array.from({ length: 6 }, (_, i) => f + i / 8),
        'teacherError.anomalyMap': new Float32Array(6).fill(f / 4),
        'discrepancy.frame': new Float32Array(6).fill(100.25 + f),
      });
    }
    expect(fs.existsSync(file)).toBe(false); // nothing visible until finished
    await writer.finish();
    expect(await readAnomalyMapHeader(file)).toEqual({
      width: 3,
      height: 2,
      frameChannels: 3,
      maps: ['teacherError.frame', 'teacherError.anomalyMap', 'discrepancy.frame'],
      frameCount: 4,
    });
    const components = await readMapComponents(file, [0.1, 0.2, 0.3, 0.4]);
    expect(Object.keys(components.teacherError)).toEqual(['frame', 'anomalyMap']);
    expect(components.teacherError.frame.channels).toBe(3);
    expect(components.teacherError.anomalyMap.channels).toBe(1);
    expect(values(components.teacherError.frame.maps)[1]).toEqual([1, 1.125, 1.25, 1.375, 1.5, 1.625]);
    expect(values(components.teacherError.anomalyMap.maps)[2]).toEqual(new Array(6).fill(0.5));
    expect(values(components.discrepancy?.frame.maps ?? [])[3]).toEqual(new Array(6).fill(103.25));
    expect(components.classifier).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(components.teacherError.frame.maps[0]).toMatchObject({ width: 3, height: 2 });
  });

  it('reads a file without discrepancy maps, and an empty classifier list, as absent components', async () => {
    const file = path.join(dir, 'teacher-only.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 1, height: 1, frameChannels: 1, maps: ['teacherError.frame'] });
    await writer.append({ 'teacherError.frame': Float32Array.of(0.5) });
    await writer.finish();
    const components = await readMapComponents(file, []);
    expect(components.discrepancy).toBeNull();
    expect(components.classifier).toBeNull();
    await expect(readMapComponents(file, [0.1, 0.2])).rejects.toThrow('1 frames but the run has 2 classifier values');
  });

  it('leaves no file behind when aborted, and refuses maps of the wrong size', async () => {
    const file = path.join(dir, 'aborted.bin');
    const writer = await AnomalyMapWriter.create(file, { width: 2, height: 2, frameChannels: 1, maps: ['teacherError.frame'] });
    await expect(writer.append({ 'teacherError.frame': new Float32Array(3) })).rejects.toThrow('must have 4 values');
    await writer.abort();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });

  it('refuses files of the older byte format and truncated files with a clear message', async () => {
    const older = path.join(dir, 'older.bin');
    const header = Buffer.alloc(512);
    header.write('VADMAPS1{"width":1,"height":1,"scale":1,"components":["teacherError"],"frameCount":1}', 'utf8');
    fs.writeFileSync(older, Buffer.concat([header, Buffer.of(7)]));
    await expect(readMapComponents(older, [])).rejects.toThrow('older format');
    const truncated = path.join(dir, 'truncated.bin');
    const writer = await AnomalyMapWriter.create(truncated, { width: 2, height: 2, frameChannels: 1, maps: ['teacherError.frame'] });
    await writer.append({ 'teacherError.frame': new Float32Array(4) });
    await writer.finish();
    fs.truncateSync(truncated, 512 + 8);
    await expect(readMapComponents(truncated, [])).rejects.toThrow('truncated');
  });
});
