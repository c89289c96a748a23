import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataErrorCode } from '../data.error';
import { resolveWithinRoots } from './import-roots';

describe('resolveWithinRoots', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-roots-'));
    root = path.join(dir, 'datasets');
    mkdirSync(path.join(root, 'ped2'), { recursive: true });
    mkdirSync(path.join(dir, 'secret'));
    writeFileSync(path.join(dir, 'secret', 'labels.json'), '{"db_password": 1}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a folder below a root and the root itself, as real paths', async () => {
    await expect(resolveWithinRoots(path.join(root, 'ped2'), [root])).resolves.toBe(path.join(root, 'ped2'));
    await expect(resolveWithinRoots(`${root}/ped2/../ped2`, [`${root}/`])).resolves.toBe(path.join(root, 'ped2'));
    await expect(resolveWithinRoots(root, [root])).resolves.toBe(root);
  });

  it('refuses `..` out of a root, a symbolic link out of it, a sibling with the root as prefix, and a path that does not exist, alike', async () => {
    symlinkSync(path.join(dir, 'secret'), path.join(root, 'link'));
    mkdirSync(`${root}-other`);
    const attempts = [`${root}/../secret/labels.json`, path.join(root, 'link', 'labels.json'), `${root}-other`, path.join(root, 'missing'), 'relative/path'];
    for (const attempt of attempts) {
      const error = await resolveWithinRoots(attempt, [root]).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: DataErrorCode.OutsideImportRoots,
        message: `"${attempt}" is not a folder or file under the server’s import roots (VAD_IMPORT_ROOTS)`,
      });
    }
  });

  it('refuses everything when no root is configured', async () => {
    await expect(resolveWithinRoots(path.join(root, 'ped2'), [])).rejects.toThrow(/importing folders from the server is off; .* VAD_IMPORT_ROOTS/);
  });
});
