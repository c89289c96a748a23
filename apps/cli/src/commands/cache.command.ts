// `vad cache`: how much disk the decoded-frame cache of this installation holds, and clearing it. Entries are
// decoded again when a job next needs them; entries in use by a running job stay.
import type { Command } from 'commander';
import { loadConfig } from '@vad/config';
import { FrameCache } from '@vad/data';
import { formatBytes } from '../output/format-bytes';
import { fieldList } from '../output/text-table';
import { frameCacheDir } from '@vad/runtime';

function installationCache(): FrameCache {
  const config = loadConfig(process.env, process.cwd());
  return new FrameCache(frameCacheDir(config), { maxBytes: config.frameCacheBytes });
}

export function registerCacheCommand(program: Command): void {
  const cache = program
    .command('cache')
    .description("the decoded-frame cache's disk use (VAD_FRAME_CACHE_GB is its budget)")
    .option('--json', 'print JSON instead of text')
    .action(async (flags: { json?: boolean }) => {
      const frames = installationCache();
      const usage = { folder: frames.root, bytes: await frames.sizeBytes(), budgetBytes: frames.maxBytes };
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(usage)}\n`
          : fieldList([
              ['decoded-frame cache', usage.folder],
              ['holds', `${formatBytes(usage.bytes)} of a ${formatBytes(usage.budgetBytes)} budget`],
            ]),
      );
    });
  cache
    .command('clean')
    .description('remove every cached entry not in use (they are decoded again when needed)')
    .option('--json', 'print JSON instead of text')
    .action(async (_flags: object, command: Command) => {
      // `--json` may land on `vad cache` itself, which takes it too
      const flags = command.optsWithGlobals<{ json?: boolean }>();
      const frames = installationCache();
      const freedBytes = await frames.clear();
      process.stdout.write(flags.json ? `${JSON.stringify({ folder: frames.root, freedBytes })}\n` : `freed ${formatBytes(freedBytes)} in ${frames.root}\n`);
    });
}
