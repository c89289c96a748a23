import path from 'node:path';
import { ConfigError } from './config.error';
import { loadConfig } from './vad-config';

describe('loadConfig', () => {
  it('defaults to the embedded deployment with data under ./data', () => {
    const config = loadConfig({}, '/srv/vad');
    expect(config).toEqual({
      dataDir: path.resolve('/srv/vad/data'),
      host: '127.0.0.1',
      port: 4000,
      dashboardPort: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      backend: undefined,
      maxUploadBytes: 2048 * 1024 * 1024,
      trainThreads: undefined,
      workerKinds: undefined,
      workerConcurrency: 1,
      frameCacheBytes: 32 * 1024 ** 3,
      jobStaleSeconds: 60,
      queuePrefix: 'vad',
      mode: 'embedded',
      allowedHosts: ['127.0.0.1'],
      trustedProxies: [],
      importRoots: ['/'],
      debug: false,
      dashboardSecret: undefined,
    });
  });

  it('switches to team mode when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/vad', REDIS_URL: 'redis://q:6379', PORT: '8080', VAD_DATA_DIR: 'other' }, '/srv');
    expect(config.mode).toBe('team');
    expect(config.port).toBe(8080);
    expect(config.redisUrl).toBe('redis://q:6379');
    expect(config.dataDir).toBe(path.resolve('/srv/other'));
  });

  it('reads the frame cache budget in gigabytes, and refuses what is not a positive number', () => {
    expect(loadConfig({ VAD_FRAME_CACHE_GB: '1.5' }, '/').frameCacheBytes).toBe(1.5 * 1024 ** 3);
    for (const bad of ['0', '-2', 'lots'])
      expect(() => loadConfig({ VAD_FRAME_CACHE_GB: bad }, '/')).toThrow(`VAD_FRAME_CACHE_GB must be a number of gigabytes above 0, got "${bad}"`);
  });

  it('reads the training threads as a whole number from 1 to 256', () => {
    expect(loadConfig({ VAD_TRAIN_THREADS: '4' }, '/').trainThreads).toBe(4);
    for (const bad of ['0', '1.5', 'many', '257']) {
      expect(() => loadConfig({ VAD_TRAIN_THREADS: bad }, '/')).toThrow(`VAD_TRAIN_THREADS must be a whole number from 1 to 256, got "${bad}"`);
    }
  });

  it('reads what a worker process takes: its job kinds as given, its concurrency as a whole number from 1 to 64', () => {
    const config = loadConfig({ VAD_WORKER_KINDS: 'train,infer', VAD_WORKER_CONCURRENCY: '3' }, '/');
    expect([config.workerKinds, config.workerConcurrency]).toEqual(['train,infer', 3]);
    for (const bad of ['0', '2.5', 'some', '65']) {
      expect(() => loadConfig({ VAD_WORKER_CONCURRENCY: bad }, '/')).toThrow(`VAD_WORKER_CONCURRENCY must be a whole number from 1 to 64, got "${bad}"`);
    }
  });

  it('reads the upload limit in megabytes, refusing sizes under one byte or over a terabyte', () => {
    expect(loadConfig({ VAD_MAX_UPLOAD_MB: '0.5' }, '/').maxUploadBytes).toBe(524_288);
    expect(loadConfig({ VAD_MAX_UPLOAD_MB: '0.000001' }, '/').maxUploadBytes).toBe(1);
    // 5e-324 MB is above 0 but rounds to 0 bytes (found by the property test)
    for (const bad of ['0', '-1', '5e-324', '0.0000001', '1048577', 'big']) {
      expect(() => loadConfig({ VAD_MAX_UPLOAD_MB: bad }, '/')).toThrow(
        `VAD_MAX_UPLOAD_MB must be a size in megabytes, at least one byte and at most 1048576, got "${bad}"`,
      );
    }
  });

  it('checks Host in embedded mode always, and in team mode only when VAD_ALLOWED_HOSTS names hosts', () => {
    expect(loadConfig({ VAD_HOST: '0.0.0.0' }, '/').allowedHosts).toEqual([]);
    expect(loadConfig({ VAD_HOST: '192.168.1.5', VAD_ALLOWED_HOSTS: 'VAD.lab.example, other.lab' }, '/').allowedHosts).toEqual([
      'vad.lab.example',
      'other.lab',
      '192.168.1.5',
    ]);
    expect(loadConfig({ VAD_HOST: '::1' }, '/').allowedHosts).toEqual(['[::1]']);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/vad' }, '/').allowedHosts).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/vad', VAD_ALLOWED_HOSTS: 'vad.example.org' }, '/').allowedHosts).toEqual([
      'vad.example.org',
      '127.0.0.1',
    ]);
    expect(loadConfig({ VAD_ALLOWED_HOSTS: '*' }, '/').allowedHosts).toBeNull();
    expect(() => loadConfig({ VAD_ALLOWED_HOSTS: 'http://vad.example.org' }, '/')).toThrow(
      'VAD_ALLOWED_HOSTS must be host names separated by commas (or *), got "http://vad.example.org"',
    );
  });

  it('reads trusted proxies as addresses or "loopback"', () => {
    expect(loadConfig({ VAD_TRUSTED_PROXIES: 'loopback, 10.0.0.5,::1' }, '/').trustedProxies).toEqual(['loopback', '10.0.0.5', '::1']);
    expect(() => loadConfig({ VAD_TRUSTED_PROXIES: '10.0.0.0/8' }, '/')).toThrow(
      'VAD_TRUSTED_PROXIES must be IP addresses or "loopback", separated by commas, got "10.0.0.0/8"',
    );
  });

  it('lets server-folder imports read anywhere in embedded mode, nowhere by default in team mode, and below VAD_IMPORT_ROOTS when set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/vad' }, '/srv').importRoots).toEqual([]);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/vad', VAD_IMPORT_ROOTS: `/data/sets${path.delimiter}/mnt/nas/` }, '/srv').importRoots).toEqual([
      '/data/sets',
      '/mnt/nas',
    ]);
    expect(() => loadConfig({ VAD_IMPORT_ROOTS: 'datasets' }, '/')).toThrow(
      `VAD_IMPORT_ROOTS must be absolute folders separated by "${path.delimiter}", got "datasets"`,
    );
  });

  it('takes a dashboard secret of at least 16 characters', () => {
    expect(loadConfig({ VAD_DASHBOARD_SECRET: 'a-long-enough-secret' }, '/').dashboardSecret).toBe('a-long-enough-secret');
    expect(() => loadConfig({ VAD_DASHBOARD_SECRET: 'short' }, '/')).toThrow('VAD_DASHBOARD_SECRET must have at least 16 characters');
  });

  it('reads VAD_DEBUG as a flag', () => {
    expect(loadConfig({ VAD_DEBUG: '1' }, '/').debug).toBe(true);
    expect(loadConfig({ VAD_DEBUG: 'false' }, '/').debug).toBe(false);
    expect(() => loadConfig({ VAD_DEBUG: 'verbose' }, '/')).toThrow('VAD_DEBUG must be 1 or 0 (true or false), got "verbose"');
  });

  it('rejects every bad variable in one message', () => {
    const read = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', VAD_BACKEND: 'gpu', VAD_WASM_MATMUL: 'blas' }, '/');
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(
      /PORT must be a port number.*DATABASE_URL must start with postgresql: or postgres:.*VAD_BACKEND must be one of.*VAD_WASM_MATMUL must be one of onnxruntime, wasm, got "blas"/,
    );
  });
});
