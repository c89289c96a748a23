// Chooses the TensorFlow.js backend at run time: native CUDA (tfjs-node-gpu) → WebGPU (Dawn for Node, on
// a hardware adapter) → native CPU (tfjs-node) → wasm (with the project's training kernels) → pure JS. The
// native and WebGPU packages are optional dependencies that cannot install or run everywhere;
// `VAD_BACKEND` forces one and fails clearly when it cannot start. On wasm, matrix products run on ONNX
// Runtime's native kernels unless `VAD_WASM_MATMUL=wasm` (native-mat-mul.kernel.ts). The choice is logged
// in one line (with the WebGPU adapter's name, or who multiplies matrices on wasm) through an injected logger.
import * as tf from '@tensorflow/tfjs';
import { ModelError, ModelErrorCode } from '../model.error';
import { registerWasmTrainingKernels, wasmMatMulEngine } from './wasm-training-kernels';
import { gpuDeviceNodePresent, startWebGpuBackend } from './webgpu-backend';

export type BackendChoice = 'tensorflow-gpu' | 'webgpu' | 'tensorflow' | 'wasm' | 'cpu';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'];

/** Backends that compute on a GPU. */
export const GPU_BACKENDS: readonly BackendChoice[] = ['tensorflow-gpu', 'webgpu'];

export interface SelectBackendOptions {
  /** Force a backend; default: the VAD_BACKEND variable of `env`, else the first one that loads. */
  backend?: BackendChoice;
  /** Environment to read VAD_BACKEND and VAD_WASM_MATMUL from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives one line naming the backend chosen and why others were skipped (default console.error). */
  log?: (line: string) => void;
  /** Loads an optional native package; injectable for tests (default require). */
  loadModule?: (id: string) => unknown;
  /** Whether a GPU device exists, before WebGPU is tried automatically; injectable for tests (default gpuDeviceNodePresent). */
  gpuPresent?: () => boolean;
}

export interface SelectedBackend {
  choice: BackendChoice;
  /** Name of the backend inside tfjs: tensorflow, webgpu, wasm or cpu. */
  tfBackend: string;
  /** The WebGPU adapter's name; null on other backends. */
  adapter: string | null;
  /** Backends tried before and why they were passed over. */
  skipped: Array<{ choice: BackendChoice; reason: string }>;
}

const NATIVE_PACKAGES: Partial<Record<BackendChoice, string>> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

export function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}

const WASM_MATMUL_CHOICES = ['onnxruntime', 'wasm'] as const;

/** Whether wasm's matrix products may go to ONNX Runtime: VAD_WASM_MATMUL `onnxruntime` (default) or `wasm`. */
function wasmNativeMatMulRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.VAD_WASM_MATMUL?.trim() ?? '';
  if (value === '' || value === 'onnxruntime') return true;
  if (value === 'wasm') return false;
  throw new ModelError(ModelErrorCode.BackendUnavailable, `VAD_WASM_MATMUL="${value}" is not one of ${WASM_MATMUL_CHOICES.join(', ')}`);
}

/** How the wasm backend multiplies matrices, for the backend's log line. */
function wasmMatMulNote(): string {
  const engine = wasmMatMulEngine();
  if (engine === null) return '';
  return engine.engine === 'onnxruntime' ? ', matrix products on ONNX Runtime' : `, matrix products on wasm (${engine.reason})`;
}

/** The backend asked for by an option or VAD_BACKEND, or undefined for automatic choice. */
export function requestedBackend(options: SelectBackendOptions): BackendChoice | undefined {
  if (options.backend !== undefined) return options.backend;
  const value = (options.env ?? process.env).VAD_BACKEND?.trim();
  if (value === undefined || value === '') return undefined;
  if (!isBackendChoice(value)) {
    throw new ModelError(
      ModelErrorCode.BackendUnavailable,
      `VAD_BACKEND="${value}" is not a backend; use one of ${BACKEND_CHOICES.join(', ')} or leave it unset`,
    );
  }
  return value;
}

const OPTIONAL_PACKAGES = /@tensorflow\/tfjs-node|@tensorflow\/tfjs-backend-webgpu|'webgpu'/;

/** Why an optional package could not load, in words; other errors are rethrown as they are bugs, not absence. */
function optionalLoadFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' && OPTIONAL_PACKAGES.test(message)) return 'not installed';
  if (/native addon/i.test(message) || /tfjs_binding/.test(message)) return 'installed without its native library';
  if (/libtensorflow|libcud|libvulkan|\.so/.test(message)) return `native library failed to load (${message.split('\n')[0]})`;
  throw error;
}

const failureReason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function tryBackend(
  choice: BackendChoice,
  loadModule: (id: string) => unknown,
  env: Readonly<Record<string, string | undefined>>,
  forced: boolean,
  log: (line: string) => void,
  gpuPresent: () => boolean,
  nativeMatMul: boolean,
): Promise<{ tfBackend: string; adapter: string | null }> {
  const nativePackage = NATIVE_PACKAGES[choice];
  if (choice === 'webgpu') {
    if (!forced && !gpuPresent()) throw new Error('no GPU device (/dev/nvidia0, /dev/dri/renderD*)');
    const dawnFlags = (env.VAD_DAWN_FLAGS ?? '').split(/\s+/).filter((flag) => flag !== '');
    let adapter: string;
    try {
      adapter = await startWebGpuBackend({ loadModule, dawnFlags, acceptSoftwareAdapter: forced, log });
    } catch (error) {
      throw new Error((error as { code?: unknown }).code === 'MODULE_NOT_FOUND' ? optionalLoadFailure(error) : failureReason(error));
    }
    return { tfBackend: 'webgpu', adapter };
  }
  let tfBackend: string;
  if (nativePackage !== undefined) {
    loadModule(nativePackage);
    tfBackend = 'tensorflow';
  } else if (choice === 'wasm') {
    registerWasmTrainingKernels({ nativeMatMul });
    tfBackend = 'wasm';
  } else {
    tfBackend = 'cpu';
  }
  if (tf.findBackendFactory(tfBackend) === null) throw new Error(`the package loaded but registered no "${tfBackend}" backend`);
  if (!(await tf.setBackend(tfBackend))) throw new Error(`tfjs could not initialise "${tfBackend}"`);
  await tf.ready();
  return { tfBackend, adapter: null };
}

export async function selectBackend(options: SelectBackendOptions = {}): Promise<SelectedBackend> {
  const log = options.log ?? ((line: string) => console.error(line));
  const loadModule = options.loadModule ?? ((id: string) => require(id) as unknown);
  const forced = requestedBackend(options);
  const env = options.env ?? process.env;
  const nativeMatMul = wasmNativeMatMulRequested(env); // read before any backend, so a wrong value fails instead of skipping wasm
  const order = forced !== undefined ? [forced] : BACKEND_CHOICES;
  const skipped: SelectedBackend['skipped'] = [];
  for (const choice of order) {
    try {
      const { tfBackend, adapter } = await tryBackend(
        choice,
        loadModule,
        env,
        forced !== undefined,
        log,
        options.gpuPresent ?? gpuDeviceNodePresent,
        nativeMatMul,
      );
      const others = skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ');
      const on = adapter === null ? '' : ` on ${adapter}`;
      const matMul = tfBackend === 'wasm' ? wasmMatMulNote() : '';
      log(`vad model: backend ${choice}${on}${matMul}${forced !== undefined ? ' (forced)' : ''}${others ? ` (skipped ${others})` : ''}`);
      return { choice, tfBackend, adapter, skipped };
    } catch (error) {
      const reason = NATIVE_PACKAGES[choice] !== undefined ? optionalLoadFailure(error) : failureReason(error);
      if (forced !== undefined) {
        const install = choice === 'webgpu' ? 'webgpu and @tensorflow/tfjs-backend-webgpu' : NATIVE_PACKAGES[choice];
        throw new ModelError(
          ModelErrorCode.BackendUnavailable,
          `backend ${choice} was requested but is unavailable: ${reason}` + (install !== undefined ? ` (install ${install}, or unset VAD_BACKEND)` : ''),
        );
      }
      skipped.push({ choice, reason });
    }
  }
  throw new ModelError(ModelErrorCode.BackendUnavailable, `no TensorFlow.js backend could start: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`);
}
