import path from 'node:path';
import { openImportedMasks, readMaskFrames } from '@vad/data';
import { regionMetrics, scaleBox, type RegionVideo } from './region-metrics';

const MASKS = path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2/ground_truth/pixel_masks/01');

describe('region metrics of an evaluation', () => {
  it('scales map boxes to the pixels they cover in the frame', () => {
    expect(scaleBox([0, 0, 0, 0], { width: 18, height: 12 }, { width: 360, height: 240 })).toEqual([0, 0, 19, 19]);
    expect(scaleBox([17, 11, 17, 11], { width: 18, height: 12 }, { width: 360, height: 240 })).toEqual([340, 220, 359, 239]);
  });

  // Maps made from the ground-truth masks themselves (pooled to 18×12) must find every track, and maps of
  // noise in the wrong place must score far lower: the two numbers show the computation can fail.
  async function evaluateMapsFrom(makeMap: (mask: Uint8Array) => Float32Array) {
    const video = { name: '01', frameCount: 180, width: 360, height: 240 };
    const set = await openImportedMasks({ name: '01', masksPath: MASKS, maskFormat: 'image-folder' });
    const volume = [];
    for await (const mask of readMaskFrames(set!, video)) volume.push({ width: 18, height: 12, data: makeMap(mask) });
    const regionVideo: RegionVideo = { ...video, volume, masksPath: MASKS, maskFormat: 'image-folder' };
    return regionMetrics([regionVideo]);
  }

  // standardised values, as the protocol makes them: −1 where normal, 3 on the anomalies
  const pooled = (mask: Uint8Array) => {
    const map = new Float32Array(18 * 12).fill(-1);
    for (let y = 0; y < 240; y++) for (let x = 0; x < 360; x++) if (mask[y * 360 + x]) map[Math.floor(y / 20) * 18 + Math.floor(x / 20)] = 3;
    return map;
  };

  it('finds every track of Ped2 test video 01 from maps that match its masks, and far fewer from misplaced ones', async () => {
    const perfect = await evaluateMapsFrom(pooled);
    expect(perfect.tracks).toBeGreaterThan(0);
    expect(perfect.tbdc).toBeGreaterThan(0.99);
    expect(perfect.rbdc).toBeGreaterThan(0.9);
    const misplaced = await evaluateMapsFrom((mask) => pooled(mask).reverse());
    expect(misplaced.rbdc).toBeLessThan(perfect.rbdc / 2);
  }, 60_000);
});
