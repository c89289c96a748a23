import { createTestDatabase, testDatabaseKind, type TestDatabase } from './test-database';

describe(`createTestDatabase (${testDatabaseKind()})`, () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = [await createTestDatabase(), await createTestDatabase()];
  }, 60_000);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('gives each suite its own migrated database of the configured kind', async () => {
    expect(a.kind).toBe(testDatabaseKind());
    await a.prisma.team.create({ data: { slug: 'only-in-a', name: 'A' } });
    expect(await a.prisma.team.count()).toBe(1);
    expect(await b.prisma.team.count()).toBe(0);
  });

  it('keeps the domain model consistent: deleting a team removes what it owns', async () => {
    const team = await a.prisma.team.create({ data: { slug: 'cascade', name: 'Cascade' } });
    const dataset = await a.prisma.dataset.create({ data: { teamId: team.id, name: 'ped2' } });
    const version = await a.prisma.datasetVersion.create({
      data: { datasetId: dataset.id, number: 1, contentHash: 'abc', format: 'ucsd', summary: { testVideos: 1 } },
    });
    await a.prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: '01',
        split: 'TEST',
        path: 'videos/01.mp4',
        frameCount: 3,
        width: 360,
        height: 240,
        sizeBytes: BigInt(1234),
        checksum: 'c',
        groundTruth: { create: { frameLabels: [0, 1, 1] } },
      },
    });
    const video = await a.prisma.video.findFirstOrThrow({ include: { groundTruth: true } });
    expect(video.groundTruth?.frameLabels).toEqual([0, 1, 1]);
    await a.prisma.team.delete({ where: { id: team.id } });
    expect(await a.prisma.video.count()).toBe(0);
    expect(await a.prisma.groundTruth.count()).toBe(0);
  });
});
