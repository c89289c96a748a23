// A decompression bomb on the frame route (issue 14, item 3): a 51 KB video of 40 flat 4096×4096 frames,
// recorded as a video of the team (as an import before the pixel budget would have). Asking for one of its
// frames — four times at once — must decode that frame once, write nothing to disk, and answer a PNG.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testDatabaseKind } from '@vad/db/testing';
import { PNG } from 'pngjs';
import { startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

/** Bytes of every file under `dir`. */
function bytesUnder(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .reduce((sum, entry) => (entry.isFile() ? sum + fs.statSync(path.join(entry.parentPath, entry.name)).size : sum), 0);
}

describe.each([
  ['embedded', startEmbeddedApi],
  ['team', startTeamApi],
])(`the frame route of a %s API on ${testDatabaseKind()}, asked for a frame of a decompression bomb`, (_mode, start) => {
  let api: TeamApi;
  let videoId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await start({ routes: { frameImages: { maxDecoders: 1 } } });
    headers = api.cookie ? { cookie: api.cookie } : {};
    const file = path.join(api.storage.root, `teams/${api.teamId}/videos/bomb.mp4`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('ffmpeg', [
      '-hide_banner',
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=gray:size=4096x4096:rate=10',
      '-frames:v',
      '40',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-preset',
      'ultrafast',
      file,
    ]);
    const prisma = api.database.prisma;
    const dataset = await prisma.dataset.create({ data: { teamId: api.teamId, name: 'bombs' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'b', format: 'upload', summary: {} } });
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: 'bomb',
        split: 'TEST',
        path: file,
        frameCount: 40,
        width: 4096,
        height: 4096,
        sizeBytes: BigInt(fs.statSync(file).size),
        checksum: 'b0'.repeat(32),
      },
    });
    videoId = video.id;
  }, 120_000);
  afterAll(() => api.close());

  it('decodes only that frame: four parallel requests answer the PNG, and nothing is written to disk', async () => {
    const before = bytesUnder(api.root);
    expect(before).toBeLessThan(200_000);
    const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${api.base}/files/videos/${videoId}/frames/39.png`, { headers })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const png = PNG.sync.read(Buffer.from(await answers[0].arrayBuffer()));
    expect([png.width, png.height]).toEqual([4096, 4096]);
    expect(answers[0].headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // the old route wrote every frame, 2 GB, into the frame cache first
    expect(bytesUnder(api.root) - before).toBeLessThan(1_000_000);
  }, 120_000);
});
