// The API killed in the middle of an upload: nothing of it is registered (no job, no data-set version,
// no video file), and the half-received file is deleted by the restarted API once no request can still
// be writing it. Real processes (`vad start`), on both deployments (see platform-process.ts).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { until } from './graphql-caller';
import { deploymentName, exitOf, platformProcess, type PlatformProcess } from './platform-process';

describe(`the API killed mid-upload (${deploymentName})`, () => {
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await platformProcess({ name: 'upload-cut', staleSeconds: 3 });
  }, 60_000);
  afterAll(() => platform?.close());

  const filesUnder = (folder: string): string[] =>
    fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(folder, name)).isFile()) : [];

  it('registers nothing of the upload and deletes its partial file on restart', async () => {
    const first = await platform.start();
    const datasetId = (await platform.gql('mutation { createDataset(name: "cut") { id } }')).data?.createDataset.id;
    const incoming = path.join(platform.dataDir, 'artifacts/uploads/incoming');
    // a client that sends the multipart head and the first megabyte of the video, then stalls
    const boundary = 'vad-upload-cut';
    const request = http.request(`${platform.base}/uploads?datasetId=${datasetId}&split=test&name=cut`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...platform.headers() },
    });
    request.on('error', () => undefined);
    request.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="cut.mp4"\r\ncontent-type: video/mp4\r\n\r\n`);
    request.write(Buffer.alloc(1 << 20, 1));
    const [partial] = await until(
      async () => fs.readdirSync(incoming).filter((name) => name.endsWith('.partial')),
      (names) => names.length === 1 && fs.statSync(path.join(incoming, names[0])).size > 0,
      15_000,
      50,
    );
    first.kill('SIGKILL');
    await exitOf(first);
    request.destroy();
    expect(fs.existsSync(path.join(incoming, partial))).toBe(true);

    // As found by a restart later on: idle longer than any request may last (a fresh partial could be another API's upload in progress).
    const longAgo = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(path.join(incoming, partial), longAgo, longAgo);
    fs.writeFileSync(path.join(incoming, 'in-progress-elsewhere.partial'), 'a live upload');
    await platform.start();
    expect(
      await until(
        async () => fs.readdirSync(incoming).sort(),
        (names) => !names.includes(partial),
        10_000,
      ),
    ).toEqual(['in-progress-elsewhere.partial']);

    const { data } = await platform.gql('query($id: ID!) { dataset(id: $id) { versions { id } } jobs { nodes { id } } }', { id: datasetId });
    expect(data?.dataset.versions).toEqual([]);
    expect(data?.jobs.nodes).toEqual([]);
    expect(filesUnder(path.join(platform.dataDir, 'artifacts/teams'))).toEqual([]);
  }, 120_000);
});
