// `vad dataset import` on the machine where `vad start` runs, without --api: the data set lands in the store the
// platform shows (embedded: through the running platform, which owns the embedded store; team mode: the same
// PostgreSQL), never in a store of its own beside it.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { deploymentName, platformProcess, teamMode, type PlatformProcess } from './platform-process';

const bin = path.resolve(__dirname, '../bin/vad.cjs');

function video(file: string, frames: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=64x48:rate=10',
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    file,
  ]);
}

describe(`vad dataset import beside a running vad start (${deploymentName})`, () => {
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await platformProcess({ name: 'local-import', staleSeconds: 60 });
    await platform.start();
  }, 90_000);
  afterAll(() => platform?.close());

  it('imports into the store the platform shows', async () => {
    const folder = path.join(platform.dataDir, 'incoming', 'street');
    video(path.join(folder, 'train', 'a.mp4'), 12);
    video(path.join(folder, 'test', 'b.mp4'), 6);
    fs.writeFileSync(path.join(folder, 'labels.json'), JSON.stringify({ b: [[2, 3]] }));
    // team mode has accounts: the import names the team it records into
    const team = teamMode ? ['--team', (await platform.gql('{ viewer { team { slug } } }')).data?.viewer.team.slug as string] : [];
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'dataset', 'import', folder, '--format', 'folder', '--labels', path.join(folder, 'labels.json'), ...team],
      {
        env: platform.env,
        cwd: platform.dataDir,
      },
    );
    if (!teamMode) expect(stderr).toMatch(/`vad start` is running on .*; importing through it \(http:\/\/127\.0\.0\.1:\d+\)/);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ name: 'street' });
    const { data } = await platform.gql('{ datasets { name latestVersion { videos { name split } } } }');
    expect(data?.datasets).toEqual([
      {
        name: 'street',
        latestVersion: {
          videos: expect.arrayContaining([
            { name: 'a', split: 'TRAIN' },
            { name: 'b', split: 'TEST' },
          ]),
        },
      },
    ]);
  }, 120_000);
});
