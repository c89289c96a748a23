// The layering rules of eslint.config.mjs, checked against imports that must pass and imports that must fail.
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = imported;\n`, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it.each([
    ['libs/metrics/src/probe.ts', "import { openDatabase as imported } from '@vad/db';"],
    ['libs/metrics/src/probe.ts', "import { loadConfig as imported } from '@vad/config';"],
    ['libs/model/src/probe.ts', "import { openDatabase as imported } from '@vad/db';"],
    ['libs/data/src/probe.ts', "import { createApiServer as imported } from '@vad/api';"],
    ['libs/db/src/probe.ts', "import { startJobRunner as imported } from '@vad/jobs';"],
    ['libs/api/src/probe.ts', "import { startJobRunner as imported } from '@vad/jobs';"],
    ['libs/jobs/src/probe.ts', "import { createApiServer as imported } from '@vad/api';"],
    ['apps/cli/src/probe.ts', "import { main as imported } from '@vad/worker';"],
    ['apps/cli/src/probe.ts', "import { main as imported } from '@vad/api-server';"],
    ['apps/worker/src/probe.ts', "import { main as imported } from '@vad/api-server';"],
  ])(
    'forbids %s to %s',
    async (file, importLine) => {
      expect(await boundaryErrors(file, importLine)).not.toEqual([]);
    },
    60_000,
  );

  it.each([
    ['apps/worker/src/probe.ts', "import { startPlatformWorker as imported } from '@vad/jobs';"],
    ['apps/api/src/probe.ts', "import { createPlatformApi as imported } from '@vad/api';"],
    ['apps/cli/src/probe.ts', "import { createApiServer as imported } from '@vad/api';"],
    ['apps/cli/src/probe.ts', "import { trainDetector as imported } from '@vad/jobs';"],
    ['libs/jobs/src/probe.ts', "import { openDatabase as imported } from '@vad/db';"],
    ['libs/db/src/probe.ts', "import { loadConfig as imported } from '@vad/config';"],
  ])(
    'allows %s to %s',
    async (file, importLine) => {
      expect(await boundaryErrors(file, importLine)).toEqual([]);
    },
    60_000,
  );
});
