// `vad start` attacked as issue 14 did, embedded by default and PostgreSQL + Redis with TEST_DATABASE_URL and
// TEST_REDIS_URL: the settings reach the API and the worker (VAD_ALLOWED_HOSTS, VAD_IMPORT_ROOTS), a web page
// is not the embedded owner, a 51 KB decompression bomb is refused at import, a server-folder import fails
// without quoting what it read or naming server paths, and unknown routes answer JSON.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '@vad/data/testing';
import { until } from './graphql-caller';
import { deploymentName, platformProcess, teamMode, type PlatformProcess } from './platform-process';

interface Answer {
  status: number;
  text: string;
}

/** A request with any Host header (fetch does not let one be set). */
function request(base: string, target: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(target, base);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: body === undefined ? 'GET' : 'POST', headers },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** A test-pattern video, or one flat colour with `source` 'color=c=gray:' (what a decompression bomb is made of). */

describe(`vad start (${deploymentName}) attacked`, () => {
  let platform: PlatformProcess;
  let media: string;
  let roots: string;

  beforeAll(async () => {
    media = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-security-media-'));
    roots = path.join(media, 'roots');
    // a folder data set whose labels name no test video: libs/data's message would quote them
    makeVideo(path.join(roots, 'clips', 'train', 'walk.mp4'), { frames: 6 });
    makeVideo(path.join(roots, 'clips', 'test', 'run.mp4'), { frames: 6 });
    fs.writeFileSync(path.join(roots, 'clips', 'labels.json'), JSON.stringify({ db_password_hunter2: [0, 0, 0, 0, 0, 1] }));
    platform = await platformProcess({ name: 'security', staleSeconds: 30, env: { VAD_IMPORT_ROOTS: roots, VAD_ALLOWED_HOSTS: 'vad.example.test' } });
    await platform.start();
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    fs.rmSync(media, { recursive: true, force: true });
  });

  const graphql = (query: string, headers: Record<string, string> = {}, variables: object = {}) =>
    request(platform.base, '/graphql', { 'content-type': 'application/json', ...platform.headers(), ...headers }, JSON.stringify({ query, variables }));
  const waitForJob = async (id: string) =>
    (
      await until(
        () => platform.gql('query($id: ID!) { job(id: $id) { status error } }', { id }),
        (r) => ['SUCCEEDED', 'FAILED'].includes(r.data?.job.status),
        60_000,
      )
    ).data?.job;

  it('answers loopback names and VAD_ALLOWED_HOSTS, and refuses a rebound name with 403', async () => {
    expect((await graphql('{ viewer { role } }', { host: 'attacker.example:4000' })).status).toBe(403);
    expect(JSON.parse((await graphql('{ viewer { role } }', { host: 'vad.example.test' })).text)).toEqual({ data: { viewer: { role: 'OWNER' } } });
    expect(JSON.parse((await graphql('{ viewer { role } }', { host: 'localhost' })).text)).toEqual({ data: { viewer: { role: 'OWNER' } } });
  });

  it('never takes a web page for its owner', async () => {
    const page = await graphql('{ viewer { role } }', { origin: 'http://127.0.0.1:8080', cookie: '' });
    expect(JSON.parse(page.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a 51 KB upload that decodes to 40 frames of 4096×4096, saying so without server paths', async () => {
    const datasetId = (await platform.gql('mutation { createDataset(name: "bombs") { id } }')).data?.createDataset.id as string;
    const bomb = makeVideo(path.join(media, 'bomb.mp4'), { frames: 40, width: 4096, height: 4096, pattern: 'flat' });
    expect(fs.statSync(bomb).size).toBeLessThan(60_000);
    const job = await waitForJob(await platform.upload(datasetId, 'test', 'bomb', bomb));
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(/^the upload bomb decodes to 40 frames of 4096×4096 \(671 megapixels\) from \d+ bytes, more than the 268 megapixels/);
    expect(job.error).not.toContain(platform.dataDir);
    expect(job.error).not.toMatch(/\/[\w.-]+\//);
  }, 60_000);

  it('imports from the import roots, failing without quoting the files it read', async () => {
    const started = await platform.gql('mutation($p: String!) { importServerFolder(input: { datasetName: "clips", path: $p, format: "folder" }) { id } }', {
      p: path.join(roots, 'clips'),
    });
    const job = await waitForJob(started.data?.importServerFolder.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toBe(
      'the folder could not be imported: the frame labels name a video the data set does not have (labels.json) [LABELS_UNKNOWN_VIDEO]; the server’s log has the details',
    );
  });

  it('refuses a folder outside the import roots', async () => {
    const outside = await graphql(
      'mutation($p: String!) { importServerFolder(input: { datasetName: "etc", path: $p, format: "folder" }) { id } }',
      {},
      { p: os.homedir() },
    );
    expect(JSON.parse(outside.text).errors[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/not a folder or file under the server’s import roots/),
    });
  });

  it('answers an unknown route with JSON, not an HTML page', async () => {
    const answer = await request(platform.base, '/nothing-here', {});
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  if (teamMode) {
    it('refuses a cookie upload without X-Requested-With', async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('x')]), 'x.mp4');
      const { cookie } = platform.headers();
      const response = await fetch(`${platform.base}/uploads?datasetId=x&split=test`, { method: 'POST', body: form, headers: { cookie } });
      expect(response.status).toBe(403);
    });
  }
});
