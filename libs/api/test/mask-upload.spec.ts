// Pixel masks uploaded for a test video: stored by key in frame order, checked against the video, labels
// derived when the video had none; bad uploads are refused with what is wrong and leave nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { grayPng } from '@vad/data/testing';
import { testDatabaseKind } from '@vad/db/testing';
import { rawRequest } from './raw-request';
import { startTeamApi, type TeamApi } from './start-team-api';

describe(`pixel-mask uploads on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let versionId: string;
  const width = 16;
  const height = 8;
  /** A mask, white in the top-left corner when `abnormal`. */
  const mask = (abnormal: boolean, size = { width, height }) => grayPng(size.width, size.height, (x, y) => (abnormal && x < 4 && y < 4 ? 255 : 0));

  beforeAll(async () => {
    api = await startTeamApi();
    const dataset = await api.database.prisma.dataset.create({ data: { teamId: api.teamId, name: 'masked' } });
    versionId = (
      await api.database.prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'm', format: 'upload', summary: {} } })
    ).id;
  }, 60_000);
  afterAll(() => api.close());

  const video = (split: 'TEST' | 'TRAIN', frameLabels?: number[]) =>
    api.database.prisma.video.create({
      data: {
        datasetVersionId: versionId,
        name: `v${Math.random().toString(36).slice(2, 8)}`,
        split,
        path: 'teams/t/videos/v.mp4',
        frameCount: 4,
        width,
        height,
        sizeBytes: 1,
        checksum: 'c',
        ...(frameLabels ? { groundTruth: { create: { frameLabels } } } : {}),
      },
    });

  const upload = (videoId: string, files: [name: string, content: Buffer][]) => {
    const form = new FormData();
    for (const [name, content] of files) form.append('files', new Blob([new Uint8Array(content)], { type: 'image/png' }), name);
    return fetch(`${api.base}/uploads/videos/${videoId}/masks`, { method: 'POST', headers: { cookie: api.cookie, 'x-requested-with': 'test' }, body: form });
  };
  const storedMaskFolders = () => {
    const folder = path.join(api.storage.root, 'teams', api.teamId, 'masks');
    return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  };

  it('stores the masks by key in the natural order of their names and derives the labels of a video without any', async () => {
    const { id } = await video('TEST');
    // sent out of order, named as a folder of frames is: frame 10 after frame 9, not after frame 1
    const answer = await upload(id, [
      ['frame-3.png', mask(false)],
      ['frame-1.png', mask(true)],
      ['frame-0.png', mask(false)],
      ['frame-2.png', mask(true)],
    ]);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ videoId: id, masks: 4, abnormalFrames: 2, labelsFromMasks: true });
    const truth = await api.database.prisma.groundTruth.findUniqueOrThrow({ where: { videoId: id } });
    expect(truth.frameLabels).toEqual([0, 1, 1, 0]);
    expect(truth.maskFormat).toBe('image-folder');
    expect(path.isAbsolute(truth.masksPath as string)).toBe(false);
    expect(fs.readdirSync(path.join(api.storage.root, truth.masksPath as string))).toEqual(['000000.png', '000001.png', '000002.png', '000003.png']);
  });

  it('keeps frame labels a video has, and removes the masks that new ones replace', async () => {
    const { id } = await video('TEST', [1, 1, 1, 1]);
    expect(
      (
        await upload(
          id,
          [0, 1, 2, 3].map((i) => [`${i}.png`, mask(i === 0)]),
        )
      ).status,
    ).toBe(200);
    const first = (await api.database.prisma.groundTruth.findUniqueOrThrow({ where: { videoId: id } })).masksPath as string;
    const answer = await upload(
      id,
      [0, 1, 2, 3].map((i) => [`${i}.png`, mask(i === 3)]),
    );
    expect(await answer.json()).toMatchObject({ abnormalFrames: 4, labelsFromMasks: false });
    const truth = await api.database.prisma.groundTruth.findUniqueOrThrow({ where: { videoId: id } });
    expect(truth.frameLabels).toEqual([1, 1, 1, 1]);
    expect(truth.masksPath).not.toBe(first);
    expect(fs.existsSync(path.join(api.storage.root, first))).toBe(false);
  });

  it.each([
    ['too few masks', [0, 1, 2].map((i): [string, Buffer] => [`${i}.png`, mask(false)]), 400, /holds 3 masks but video "v\w+" has 4 frames/],
    [
      'masks of another size',
      [0, 1, 2, 3].map((i): [string, Buffer] => [`${i}.png`, mask(false, { width: 8, height: 8 })]),
      400,
      /8×8 but video "v\w+" is 16×8/,
    ],
    ['more masks than frames', [0, 1, 2, 3, 4].map((i): [string, Buffer] => [`${i}.png`, mask(false)]), 400, /4 frames: send one mask per frame/],
    ['a file that is no image', [['notes.txt', Buffer.from('hello')]] as [string, Buffer][], 415, /"notes.txt" is not a mask image/],
  ])('refuses %s and keeps nothing of it', async (_case, files, status, message) => {
    const { id } = await video('TEST');
    const before = storedMaskFolders();
    const answer = await upload(id, files);
    expect(answer.status).toBe(status);
    const body = (await answer.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toContain(api.storage.root);
    expect(storedMaskFolders()).toEqual(before);
    expect(fs.readdirSync(api.storage.stagingFolder())).toEqual([]);
    expect(await api.database.prisma.groundTruth.findUnique({ where: { videoId: id } })).toBeNull();
  });

  it('refuses masks larger in all than the upload limit, and a request that does not say its length, before receiving them', async () => {
    const { id } = await video('TEST');
    const headers = { cookie: api.cookie, 'x-requested-with': 'test', 'content-type': 'multipart/form-data; boundary=b' };
    const path = `/uploads/videos/${id}/masks`;
    const huge = await rawRequest(api.base, {
      method: 'POST',
      path,
      headers: { ...headers, 'content-length': String(3 * 1024 ** 3), connection: 'close' },
      body: '--b--\r\n',
    });
    expect(huge.status).toBe(413);
    const chunked = await rawRequest(api.base, { method: 'POST', path, headers: { ...headers, 'transfer-encoding': 'chunked' }, body: '--b--\r\n' });
    expect(chunked.status).toBe(411);
    expect(await api.database.prisma.groundTruth.findUnique({ where: { videoId: id } })).toBeNull();
  });

  it('takes masks for test videos of the caller’s team only', async () => {
    const train = await video('TRAIN');
    expect((await upload(train.id, [['0.png', mask(false)]])).status).toBe(400);
    expect((await upload('00000000-0000-0000-0000-000000000000', [['0.png', mask(false)]])).status).toBe(404);
    const anonymous = await fetch(`${api.base}/uploads/videos/${train.id}/masks`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
  });
});
