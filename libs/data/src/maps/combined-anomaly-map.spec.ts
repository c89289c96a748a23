import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyMapWriter, type MapComponentName } from './anomaly-map-file';
import { readCombinedAnomalyMap } from './combined-anomaly-map';

describe('readCombinedAnomalyMap', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-combined-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function mapsFile(name: string, components: MapComponentName[]): Promise<string> {
    const file = path.join(dir, name);
    const writer = await AnomalyMapWriter.create(file, { width: 2, height: 1, scale: 1, components });
    await writer.append({ teacherError: Uint8Array.of(10, 20), discrepancy: components.includes('discrepancy') ? Uint8Array.of(100, 0) : null });
    await writer.append({ teacherError: Uint8Array.of(1, 2), discrepancy: components.includes('discrepancy') ? Uint8Array.of(3, 4) : null });
    await writer.finish();
    return file;
  }

  it('weighs the teacher error and the discrepancy of the frame asked for', async () => {
    const file = await mapsFile('both.bin', ['teacherError', 'discrepancy']);
    const combined = await readCombinedAnomalyMap(file, 0, { teacherError: 0.5, discrepancy: 2 });
    expect(Array.from(combined.values)).toEqual([205, 10]);
    expect(combined.weightSum).toBe(2.5);
    expect(combined.header).toMatchObject({ width: 2, height: 1, frameCount: 2 });
    expect(Array.from((await readCombinedAnomalyMap(file, 1, { teacherError: 1, discrepancy: 1 })).values)).toEqual([4, 6]);
  });

  it('uses the teacher error alone, and its weight alone, when the run kept no discrepancy maps', async () => {
    const file = await mapsFile('teacher.bin', ['teacherError']);
    const combined = await readCombinedAnomalyMap(file, 0, { teacherError: 0.5, discrepancy: 2 });
    expect(Array.from(combined.values)).toEqual([5, 10]);
    expect(combined.weightSum).toBe(0.5);
  });
});
