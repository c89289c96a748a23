// The platform's configuration: environment variables with defaults, validated once at start-up.
// Every variable is listed in the README; keep the two in step.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, ConfigErrorCode } from './config.error';
import type { AllowedHosts } from './network/allowed-hosts';
import type { TrustedProxies } from './network/trusted-proxies';

export type DeploymentMode = 'embedded' | 'team';

export interface VadConfig {
  /** Folder holding the embedded database, uploaded videos, caches, checkpoints and anomaly maps. */
  dataDir: string;
  /** Interface the API and dashboard listen on. */
  host: string;
  /** API port; GraphQL is served at /graphql. */
  port: number;
  dashboardPort: number;
  /** PostgreSQL URL (team mode); absent means the embedded PGlite database under dataDir. */
  databaseUrl?: string;
  /** Redis URL for the BullMQ queue; absent means the in-process queue. */
  redisUrl?: string;
  /** Forces a TensorFlow.js backend: tensorflow-gpu, webgpu, tensorflow, wasm or cpu. */
  backend?: Backend;
  /** A running job whose heartbeat is this old is taken over by another worker (seconds). */
  jobStaleSeconds: number;
  /** Prefix of the Redis keys of the queue, so installations can share a Redis. */
  queuePrefix: string;
  /** Largest video upload accepted, in bytes. */
  maxUploadBytes: number;
  /** Replica threads of a training job (data-parallel); undefined: one per core on wasm, else one. */
  trainThreads?: number;
  /** Job kinds a worker process (apps/worker) takes, comma-separated; undefined: all. */
  workerKinds?: string;
  /** Jobs a worker process (apps/worker) runs at the same time. */
  workerConcurrency: number;
  /** Disk the decoded-frame cache may fill before its least recently used entries go (bytes). */
  frameCacheBytes: number;
  /** embedded when there is no DATABASE_URL: a single local owner, no login from loopback. */
  mode: DeploymentMode;
  /**
   * Host names the API and dashboard answer besides loopback names (DNS rebinding); null answers any
   * host (team mode without VAD_ALLOWED_HOSTS, or VAD_ALLOWED_HOSTS=*).
   */
  allowedHosts: AllowedHosts;
  /** Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses, or `loopback`). */
  trustedProxies: TrustedProxies;
  /** Folders (real paths) that importServerFolder may read below; empty refuses every server-folder import. */
  importRoots: readonly string[];
  /** Unexpected errors reach clients with their message and stack (development only). */
  debug: boolean;
  /**
   * The secret of the requests the dashboard forwards; `vad start` makes a random one per run unless set
   * (to run the dashboard with `next dev` against an API, give both the same).
   */
  dashboardSecret?: string;
}

const BACKENDS = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
type Backend = (typeof BACKENDS)[number];
const WASM_MATMUL = ['onnxruntime', 'wasm'] as const;
type WasmMatMul = (typeof WASM_MATMUL)[number];

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number between 0 and 65535, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const url = (name: string, protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      let parsed: URL;
      try {
        parsed = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} is not a valid URL: "${v}"` });
        return z.NEVER;
      }
      if (!protocols.includes(parsed.protocol)) {
        ctx.addIssue({ code: 'custom', message: `${name} must start with ${protocols.join(' or ')}, got "${parsed.protocol}"` });
        return z.NEVER;
      }
      return v;
    });

const list = (value: string | undefined, separator: string) =>
  (value ?? '')
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const HOST_NAME = /^([a-z0-9-]+\.)*[a-z0-9-]+\.?$|^\[[0-9a-f:.]+\]$/i;

const environmentSchema = z.object({
  VAD_DATA_DIR: z.string().optional(),
  VAD_HOST: z.string().optional(),
  PORT: port('PORT', 4000),
  DASHBOARD_PORT: port('DASHBOARD_PORT', 3000),
  DATABASE_URL: url('DATABASE_URL', ['postgresql:', 'postgres:']),
  REDIS_URL: url('REDIS_URL', ['redis:', 'rediss:']),
  VAD_JOB_STALE_SECONDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 60;
      const n = Number(v);
      if (!(n >= 1 && n <= 86_400)) {
        ctx.addIssue({ code: 'custom', message: `VAD_JOB_STALE_SECONDS must be between 1 and 86400, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  VAD_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]{1,40}$/, 'VAD_QUEUE_PREFIX must be 1–40 letters, digits, dashes or underscores')
    .optional(),
  VAD_MAX_UPLOAD_MB: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 2048;
      const n = Number(v);
      // at least one byte once converted: a size that rounds to 0 bytes would refuse every upload
      if (!(Math.round(n * 1024 * 1024) >= 1 && n <= 1_048_576)) {
        ctx.addIssue({ code: 'custom', message: `VAD_MAX_UPLOAD_MB must be a size in megabytes, at least one byte and at most 1048576, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  VAD_TRAIN_THREADS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !(n >= 1 && n <= 256)) {
        ctx.addIssue({ code: 'custom', message: `VAD_TRAIN_THREADS must be a whole number from 1 to 256, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  VAD_WORKER_KINDS: z.string().optional(),
  VAD_WORKER_CONCURRENCY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 1;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !(n >= 1 && n <= 64)) {
        ctx.addIssue({ code: 'custom', message: `VAD_WORKER_CONCURRENCY must be a whole number from 1 to 64, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  VAD_FRAME_CACHE_GB: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 32;
      const n = Number(v);
      if (!(Number.isFinite(n) && n > 0 && n <= 100_000)) {
        ctx.addIssue({ code: 'custom', message: `VAD_FRAME_CACHE_GB must be a number of gigabytes above 0, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  VAD_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      if (v.trim() === '*') return '*' as const;
      const hosts = list(v, ',');
      const bad = hosts.filter((host) => !HOST_NAME.test(host));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `VAD_ALLOWED_HOSTS must be host names separated by commas (or *), got "${bad[0]}"` });
        return z.NEVER;
      }
      return hosts.map((host) => host.toLowerCase());
    }),
  VAD_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const proxies = list(v, ',');
      const bad = proxies.filter((proxy) => proxy !== 'loopback' && net.isIP(proxy) === 0);
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `VAD_TRUSTED_PROXIES must be IP addresses or "loopback", separated by commas, got "${bad[0]}"` });
        return z.NEVER;
      }
      return proxies;
    }),
  VAD_IMPORT_ROOTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const roots = list(v, path.delimiter);
      const relative = roots.find((root) => !path.isAbsolute(root));
      if (relative !== undefined) {
        ctx.addIssue({ code: 'custom', message: `VAD_IMPORT_ROOTS must be absolute folders separated by "${path.delimiter}", got "${relative}"` });
        return z.NEVER;
      }
      return roots.map((root) => path.resolve(root));
    }),
  VAD_DEBUG: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const flag = (v ?? '').trim().toLowerCase();
      if (['', '0', 'false', 'no', 'off'].includes(flag)) return false;
      if (['1', 'true', 'yes', 'on'].includes(flag)) return true;
      ctx.addIssue({ code: 'custom', message: `VAD_DEBUG must be 1 or 0 (true or false), got "${v}"` });
      return z.NEVER;
    }),
  VAD_DASHBOARD_SECRET: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (v.length < 16) {
        ctx.addIssue({ code: 'custom', message: 'VAD_DASHBOARD_SECRET must have at least 16 characters' });
        return z.NEVER;
      }
      return v;
    }),
  VAD_BACKEND: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (!BACKENDS.includes(v as Backend)) {
        ctx.addIssue({ code: 'custom', message: `VAD_BACKEND must be one of ${BACKENDS.join(', ')}, got "${v}"` });
        return z.NEVER;
      }
      return v as Backend;
    }),
  // Read by @vad/model in every thread that selects a backend; checked here too, so that `vad start` refuses a
  // typo at once instead of at the first training job.
  VAD_WASM_MATMUL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '' || WASM_MATMUL.includes(v as WasmMatMul)) return v;
      ctx.addIssue({ code: 'custom', message: `VAD_WASM_MATMUL must be one of ${WASM_MATMUL.join(', ')}, got "${v}"` });
      return z.NEVER;
    }),
});

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): VadConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(ConfigErrorCode.InvalidValue, parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const e = parsed.data;
  const mode: DeploymentMode = e.DATABASE_URL ? 'team' : 'embedded';
  const host = e.VAD_HOST || '127.0.0.1';
  return {
    dataDir: path.resolve(cwd, e.VAD_DATA_DIR || 'data'),
    host,
    port: e.PORT,
    dashboardPort: e.DASHBOARD_PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    backend: e.VAD_BACKEND,
    jobStaleSeconds: e.VAD_JOB_STALE_SECONDS,
    queuePrefix: e.VAD_QUEUE_PREFIX ?? 'vad',
    maxUploadBytes: Math.round(e.VAD_MAX_UPLOAD_MB * 1024 * 1024),
    trainThreads: e.VAD_TRAIN_THREADS,
    workerKinds: e.VAD_WORKER_KINDS || undefined,
    workerConcurrency: e.VAD_WORKER_CONCURRENCY,
    frameCacheBytes: Math.round(e.VAD_FRAME_CACHE_GB * 1024 ** 3),
    mode,
    allowedHosts: allowedHosts(e.VAD_ALLOWED_HOSTS, mode, host),
    trustedProxies: e.VAD_TRUSTED_PROXIES,
    // the embedded deployment's owner is the person at this machine, who can read its files anyway
    importRoots: e.VAD_IMPORT_ROOTS ?? (mode === 'embedded' ? [path.parse(path.resolve(cwd)).root] : []),
    debug: e.VAD_DEBUG,
    dashboardSecret: e.VAD_DASHBOARD_SECRET,
  };
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Embedded mode always checks Host (loopback trust makes it rebindable); team mode authenticates every
 * request, so it checks Host only when told which names it has. The interface the servers listen on is
 * one of their names unless it is a wildcard.
 */
function allowedHosts(configured: readonly string[] | '*' | undefined, mode: DeploymentMode, host: string): AllowedHosts {
  if (configured === '*') return null;
  if (configured === undefined && mode === 'team') return null;
  const listening = WILDCARD_HOSTS.has(host) ? [] : [net.isIPv6(host) ? `[${host}]` : host.toLowerCase()];
  return [...new Set([...(configured ?? []), ...listening])];
}
