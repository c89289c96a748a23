// Property test of the configuration parser (issue 9): whatever the environment holds, loadConfig either
// returns a configuration within its documented ranges or throws a ConfigError naming the variable —
// never another exception, never an out-of-range value.
import fc from 'fast-check';
import { ConfigError } from './config.error';
import { loadConfig } from './vad-config';

const NAMES = [
  'VAD_DATA_DIR',
  'VAD_HOST',
  'PORT',
  'DASHBOARD_PORT',
  'DATABASE_URL',
  'REDIS_URL',
  'VAD_JOB_STALE_SECONDS',
  'VAD_QUEUE_PREFIX',
  'VAD_MAX_UPLOAD_MB',
  'VAD_TRAIN_THREADS',
  'VAD_BACKEND',
  'VAD_WASM_MATMUL',
  'VAD_ALLOWED_HOSTS',
  'VAD_TRUSTED_PROXIES',
  'VAD_IMPORT_ROOTS',
  'VAD_DEBUG',
  'VAD_DASHBOARD_SECRET',
] as const;

/** Values a person might type, plus anything at all. */
const value = fc.oneof(
  fc.string(),
  fc.integer({ min: -100_000, max: 2_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1',
    '*',
    'loopback',
    'vad.example.org',
    '/data:/mnt',
    'true',
    '65535',
    '65536',
    'wasm',
    'onnxruntime',
    'gpu',
    'postgresql://u@h:5432/d',
    'redis://h:6379',
    'mysql://x',
    'http://[::1',
    'a'.repeat(300),
  ),
);

describe('loadConfig on any environment', () => {
  it('returns values in range or throws a ConfigError that names a variable', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...NAMES), value), (env) => {
        let config;
        try {
          config = loadConfig(env, '/srv');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect(NAMES.some((name) => (error as Error).message.includes(name))).toBe(true);
          return;
        }
        for (const port of [config.port, config.dashboardPort]) expect(Number.isInteger(port) && port >= 0 && port <= 65535).toBe(true);
        expect(config.jobStaleSeconds >= 1 && config.jobStaleSeconds <= 86_400).toBe(true);
        expect(config.maxUploadBytes > 0).toBe(true);
        if (config.trainThreads !== undefined)
          expect(Number.isInteger(config.trainThreads) && config.trainThreads >= 1 && config.trainThreads <= 256).toBe(true);
        expect(config.queuePrefix).toMatch(/^[\w-]{1,40}$/);
        expect(config.mode).toBe(config.databaseUrl ? 'team' : 'embedded');
        if (config.databaseUrl) expect(config.databaseUrl).toMatch(/^postgres(ql)?:/);
        if (config.redisUrl) expect(config.redisUrl).toMatch(/^rediss?:/);
        if (config.mode === 'embedded') expect(config.allowedHosts).not.toBeNull();
        for (const root of config.importRoots) expect(root.startsWith('/')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
