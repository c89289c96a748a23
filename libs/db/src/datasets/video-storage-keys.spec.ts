import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing/test-database';
import { ensureLocalOwner } from '../teams/local-owner';
import { recordDatasetVersion } from './record-dataset-version';
import { videoPathsAsStorageKeys } from './video-storage-keys';

describe(`videoPathsAsStorageKeys on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database.close());

  it('records stored videos by key and leaves videos read in place alone', async () => {
    const { teamId } = await ensureLocalOwner(database.prisma);
    const video = { split: 'test' as const, frameCount: 2, width: 8, height: 8, sizeBytes: 10 };
    const { datasetVersionId } = await recordDatasetVersion(database.prisma, {
      teamId,
      datasetName: 'mixed',
      format: 'upload',
      contentHash: 'h1',
      summary: {},
      videos: [
        { ...video, name: 'uploaded', path: '/srv/vad/artifacts/teams/t/videos/a.mp4', checksum: 'a' },
        { ...video, name: 'in-place', path: '/srv/datasets/ped2/test/01.mp4', checksum: 'b' },
        { ...video, name: 'keyed', path: 'teams/t/videos/c.mp4', checksum: 'c' },
      ],
    });
    expect(await videoPathsAsStorageKeys(database.prisma, '/srv/vad/artifacts/')).toBe(1);
    const paths = await database.prisma.video.findMany({ where: { datasetVersionId }, orderBy: { name: 'asc' }, select: { name: true, path: true } });
    expect(paths).toEqual([
      { name: 'in-place', path: '/srv/datasets/ped2/test/01.mp4' },
      { name: 'keyed', path: 'teams/t/videos/c.mp4' },
      { name: 'uploaded', path: 'teams/t/videos/a.mp4' },
    ]);
    expect(await videoPathsAsStorageKeys(database.prisma, '/srv/vad/artifacts')).toBe(0);
  });
});
