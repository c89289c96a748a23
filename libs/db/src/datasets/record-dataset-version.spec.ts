import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing/test-database';
import { ensureLocalOwner } from '../teams/local-owner';
import { recordDatasetVersion, type DatasetVersionRecord } from './record-dataset-version';

describe(`recordDatasetVersion on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let teamId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    teamId = (await ensureLocalOwner(database.prisma)).teamId;
  }, 60_000);
  afterAll(() => database.close());

  const record = (contentHash: string, videos = 2): DatasetVersionRecord => ({
    teamId,
    datasetName: 'ped2',
    format: 'folder',
    contentHash,
    summary: { testVideos: 1 },
    videos: [
      { name: 'train01', split: 'train', path: '/d/train/01.mp4', frameCount: 4, width: 8, height: 8, sizeBytes: 10, checksum: 'a' },
      {
        name: 'test01',
        split: 'test',
        path: '/d/test/01.mp4',
        frameCount: 3,
        width: 8,
        height: 8,
        sizeBytes: 10,
        checksum: 'b',
        frameLabels: [0, 1, 1],
        masksPath: '/d/masks/01',
      },
      { name: 'test02', split: 'test', path: '/d/test/02.mp4', frameCount: 2, width: 8, height: 8, sizeBytes: 10, checksum: 'c', frameLabels: [0, 0] },
    ].slice(0, videos + 1) as DatasetVersionRecord['videos'],
  });

  it('records the videos and ground truth of a new version', async () => {
    const first = await recordDatasetVersion(database.prisma, record('v1'));
    expect(first).toMatchObject({ number: 1, created: true });
    const videos = await database.prisma.video.findMany({
      where: { datasetVersionId: first.datasetVersionId },
      include: { groundTruth: true },
      orderBy: { name: 'asc' },
    });
    expect(videos.map((v) => [v.name, v.split, v.groundTruth?.frameLabels ?? null])).toEqual([
      ['test01', 'TEST', [0, 1, 1]],
      ['test02', 'TEST', [0, 0]],
      ['train01', 'TRAIN', null],
    ]);
  });

  it('returns the existing version for identical content and numbers new content', async () => {
    expect(await recordDatasetVersion(database.prisma, record('v1'))).toMatchObject({ number: 1, created: false });
    expect(await recordDatasetVersion(database.prisma, record('v2', 1))).toMatchObject({ number: 2, created: true });
    expect(await database.prisma.datasetVersion.count()).toBe(2);
  });

  it('leaves nothing behind when a video cannot be recorded', async () => {
    const broken = record('v3');
    broken.videos[2] = { ...broken.videos[2], name: broken.videos[1].name }; // two test videos of one name break a unique key
    await expect(recordDatasetVersion(database.prisma, broken)).rejects.toThrow();
    expect(await database.prisma.datasetVersion.count()).toBe(2);
    expect(await database.prisma.video.count()).toBe(3 + 2);
  });

  it('refuses a version derived from a stale one, so a concurrent writer re-derives instead of losing a change', async () => {
    const latest = await database.prisma.datasetVersion.aggregate({ _max: { number: true } });
    const stale = { ...record('v-stale'), basedOn: (latest._max.number ?? 0) - 1 };
    await expect(recordDatasetVersion(database.prisma, stale)).rejects.toMatchObject({ code: 'P2002' });
    const fresh = { ...record('v-fresh'), basedOn: latest._max.number };
    expect(await recordDatasetVersion(database.prisma, fresh)).toMatchObject({ number: (latest._max.number ?? 0) + 1, created: true });
  });

  it('replaces a version that uploads arriving together recorded and nothing used yet, under its own number', async () => {
    const upload = (contentHash: string, videos: number, basedOn: number | null, joinUnusedWithinMs = 60_000): DatasetVersionRecord => ({
      ...record(contentHash, videos),
      datasetName: 'uploads',
      format: 'upload',
      basedOn,
      joinUnusedWithinMs,
    });
    const prisma = database.prisma;
    const datasetVersions = async () =>
      (await prisma.datasetVersion.findMany({ where: { dataset: { name: 'uploads' } }, include: { videos: true }, orderBy: { number: 'asc' } })).map((v) => [
        v.number,
        v.contentHash,
        v.videos.length,
      ]);
    expect(await recordDatasetVersion(prisma, upload('u1', 0, null))).toMatchObject({ number: 1, created: true });
    expect(await recordDatasetVersion(prisma, upload('u2', 1, 1))).toMatchObject({ number: 1, created: true });
    expect(await datasetVersions()).toEqual([[1, 'u2', 2]]);
    // outside the window: a new version
    await prisma.datasetVersion.updateMany({ where: { contentHash: 'u2' }, data: { createdAt: new Date(Date.now() - 120_000) } });
    expect(await recordDatasetVersion(prisma, upload('u3', 2, 1))).toMatchObject({ number: 2, created: true });
    // a training queued since version 2 was recorded uses it: the next upload follows it
    await prisma.job.create({ data: { teamId, kind: 'TRAIN', parameters: {} } });
    expect(await recordDatasetVersion(prisma, upload('u4', 1, 2))).toMatchObject({ number: 3, created: true });
    expect(await datasetVersions()).toEqual([
      [1, 'u2', 2],
      [2, 'u3', 3],
      [3, 'u4', 2],
    ]);
    // a writer that derived its videos from a version replaced meanwhile fails like a taken number, and re-derives
    const derivedFrom = await prisma.datasetVersion.findFirstOrThrow({ where: { contentHash: 'u4' } });
    expect(await recordDatasetVersion(prisma, { ...upload('u5', 2, 3), basedOnId: derivedFrom.id })).toMatchObject({ number: 3 });
    await expect(recordDatasetVersion(prisma, { ...upload('u6', 1, 3), basedOnId: derivedFrom.id })).rejects.toMatchObject({ code: 'P2002' });
    expect(await datasetVersions()).toEqual([
      [1, 'u2', 2],
      [2, 'u3', 3],
      [3, 'u5', 3],
    ]);
  });
});
