// importServerFolder against the import roots (issue 14, item 9): an owner may import only folders below
// VAD_IMPORT_ROOTS (real paths: no `..`, no symbolic link out), none by default in team mode, with one
// answer for a path outside the roots and a path that does not exist; and retrying such an import needs
// the owner role that starting it needed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDatabaseKind } from '@vad/db/testing';
import { hashPassword } from '../src/auth/secrets';
import { bodyOf, codeOf, graphqlPost } from './raw-request';
import { startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

const IMPORT = 'mutation($input: ImportFolderInput!) { importServerFolder(input: $input) { id parameters } }';
const REPOSITORY_PACKAGE = path.resolve(__dirname, '../../../package.json');

describe(`importServerFolder on ${testDatabaseKind()}`, () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-import-roots-'));
    root = path.join(dir, 'datasets');
    fs.mkdirSync(path.join(root, 'ped2'), { recursive: true });
    fs.symlinkSync(path.dirname(REPOSITORY_PACKAGE), path.join(root, 'escape'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const input = (folder: string, extra: object = {}) => ({ input: { datasetName: 'ped2', path: folder, format: 'ucsd', ...extra } });

  describe('in team mode without VAD_IMPORT_ROOTS', () => {
    let api: TeamApi;
    beforeAll(async () => {
      api = await startTeamApi();
    }, 60_000);
    afterAll(() => api.close());

    it('refuses every folder, saying how to allow some', async () => {
      const answer = await graphqlPost(api.base, IMPORT, { cookie: api.cookie }, input(path.join(root, 'ped2')));
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(bodyOf(answer).errors?.[0].message).toMatch(/importing folders from the server is off; .*VAD_IMPORT_ROOTS/);
      expect(await api.database.prisma.job.count()).toBe(0);
    });
  });

  describe('in team mode with VAD_IMPORT_ROOTS', () => {
    let api: TeamApi;
    let member: Record<string, string>;
    beforeAll(async () => {
      api = await startTeamApi({ importRoots: [root] });
      const prisma = api.database.prisma;
      const user = await prisma.user.create({ data: { email: 'max@abuse.test', name: 'Max', passwordHash: await hashPassword('max has a long password') } });
      await prisma.membership.create({ data: { teamId: api.teamId, userId: user.id, role: 'MEMBER' } });
      const login = await graphqlPost(api.base, 'mutation { login(email: "max@abuse.test", password: "max has a long password") { role } }');
      member = { cookie: String(login.headers['set-cookie']?.[0]).split(';')[0] };
    }, 60_000);
    afterAll(() => api.close());

    it('queues the import of a folder below a root, by its real path', async () => {
      const answer = await graphqlPost(api.base, IMPORT, { cookie: api.cookie }, input(`${root}/ped2/../ped2`));
      expect(bodyOf(answer).data?.importServerFolder).toMatchObject({ parameters: { source: 'folder', path: fs.realpathSync(path.join(root, 'ped2')) } });
    });

    it.each([
      ['a folder outside the roots', () => input(path.dirname(REPOSITORY_PACKAGE))],
      ['`..` out of a root', () => input(`${root}/../..`)],
      ['a symbolic link out of a root', () => input(path.join(root, 'escape'))],
      ['a folder that does not exist', () => input(path.join(root, 'missing'))],
      ['a labels file outside the roots (whose keys the old error quoted)', () => input(path.join(root, 'ped2'), { labelsPath: REPOSITORY_PACKAGE })],
      ['a masks folder reached through a link', () => input(path.join(root, 'ped2'), { masksPath: path.join(root, 'escape', 'apps') })],
    ])('refuses %s with the same answer, naming nothing it read', async (_name, variables) => {
      const answer = await graphqlPost(api.base, IMPORT, { cookie: api.cookie }, variables());
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(bodyOf(answer).errors?.[0].message).toMatch(/^".*" is not a folder or file under the server’s import roots \(VAD_IMPORT_ROOTS\)$/);
      expect(answer.text).not.toMatch(/dependencies|workspaces|devDependencies/);
    });

    it('lets only an owner retry a failed import of a server folder, and a member retry a failed upload', async () => {
      const prisma = api.database.prisma;
      const folderJob = await prisma.job.create({
        data: { teamId: api.teamId, kind: 'IMPORT', status: 'FAILED', parameters: { source: 'folder', path: root, format: 'ucsd', datasetName: 'x' } },
      });
      const uploadJob = await prisma.job.create({
        data: {
          teamId: api.teamId,
          kind: 'IMPORT',
          status: 'FAILED',
          parameters: { source: 'upload', datasetId: 'd', split: 'test', name: 'v', storageKey: 'k' },
        },
      });
      const retry = (id: string, headers: Record<string, string>) =>
        graphqlPost(api.base, 'mutation($id: ID!) { retryJob(id: $id) { status } }', headers, { id });
      expect(codeOf(await retry(folderJob.id, member))).toBe('FORBIDDEN');
      expect((await prisma.job.findUniqueOrThrow({ where: { id: folderJob.id } })).status).toBe('FAILED');
      expect(bodyOf(await retry(folderJob.id, { cookie: api.cookie })).data).toEqual({ retryJob: { status: 'QUEUED' } });
      expect(bodyOf(await retry(uploadJob.id, member)).data).toEqual({ retryJob: { status: 'QUEUED' } });
    });
  });

  describe('in embedded mode without VAD_IMPORT_ROOTS', () => {
    let api: TeamApi;
    beforeAll(async () => {
      api = await startEmbeddedApi();
    }, 60_000);
    afterAll(() => api.close());

    it('imports any folder of this machine for its local owner', async () => {
      const answer = await graphqlPost(api.base, IMPORT, {}, input(path.join(root, 'ped2')));
      expect(bodyOf(answer).data?.importServerFolder).toMatchObject({ parameters: { path: fs.realpathSync(path.join(root, 'ped2')) } });
    });
  });
});
