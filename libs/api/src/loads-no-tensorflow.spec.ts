// The API describes and checks models (presets, costs, overrides) but never runs one: loading it must not
// load TensorFlow.js, whose backends take memory and start-up time in a process that has no use for them.
import { spawnSync } from 'node:child_process';

it('loads no TensorFlow.js module', () => {
  const probe = `require('@vad/api'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('@tensorflow'))));`;
  const run = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', probe], { cwd: __dirname, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual([]);
}, 60_000);
