// TensorFlow.js on WebGPU in Node: Dawn (the `webgpu` package, Vulkan on Linux) gives navigator.gpu, and
// tfjs-backend-webgpu runs on the device it opens. Both packages are optional dependencies, loaded only
// when this backend is tried. Reads must be asynchronous on it (Node has no OffscreenCanvas for tfjs'
// synchronous path), which scoring, training and checkpoints are.
import { existsSync, readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface GpuDevice {
  lost: Promise<{ reason: string; message: string }>;
}

interface GpuAdapter {
  info: GpuAdapterInfo;
  isFallbackAdapter?: boolean;
  limits: Record<string, number>;
  requestDevice(descriptor: { requiredFeatures: string[]; requiredLimits: Record<string, number> }): Promise<GpuDevice>;
}

interface DawnModule {
  globals: Record<string, unknown>;
  create(flags: string[]): { requestAdapter(options: { powerPreference: string }): Promise<GpuAdapter | null> };
}

interface TfjsWebGpuModule {
  WebGPUBackend: new (device: GpuDevice, info: GpuAdapterInfo) => tf.KernelBackend;
}

/** What the tfjs factory itself asks the device for; its own feature list nests an array that Dawn rejects. */
const REQUIRED_LIMITS = [
  'maxComputeWorkgroupStorageSize',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupSizeX',
  'maxComputeInvocationsPerWorkgroup',
];

export interface WebGpuOptions {
  loadModule: (id: string) => unknown;
  /** Dawn's create() flags, e.g. ['backend=vulkan'] (VAD_DAWN_FLAGS, space separated). */
  dawnFlags: string[];
  /** Take a software adapter (SwiftShader, llvmpipe) too; automatic selection does not: a CPU backend is faster. */
  acceptSoftwareAdapter: boolean;
  /** Told when the device is lost later (driver reset, out of memory). */
  log: (line: string) => void;
}

/**
 * Whether this machine has a GPU device node (Linux: /dev/nvidia0 or a DRM render node). Automatic selection
 * asks Dawn only then: elsewhere it would find no adapter or a software one, after printing its Vulkan
 * warnings to stderr, which a pure-JS caller cannot silence. Other systems: assumed present.
 */
export function gpuDeviceNodePresent(): boolean {
  if (process.platform !== 'linux') return true;
  if (existsSync('/dev/nvidia0')) return true;
  try {
    return readdirSync('/dev/dri').some((name) => name.startsWith('renderD'));
  } catch {
    return false;
  }
}

/** The adapter's name as people know it, e.g. "NVIDIA H100 80GB HBM3 (nvidia hopper)". */
export function adapterName(info: GpuAdapterInfo): string {
  const detail = [info.vendor, info.architecture].filter((part) => part !== undefined && part !== '').join(' ');
  const name = info.description || info.device || 'unnamed adapter';
  return detail === '' ? name : `${name} (${detail})`;
}

/** Registers and activates tfjs' `webgpu` backend on the first adapter Dawn offers; returns the adapter's name. */
export async function startWebGpuBackend(options: WebGpuOptions): Promise<string> {
  const dawn = options.loadModule('webgpu') as DawnModule;
  const tfjsWebGpu = options.loadModule('@tensorflow/tfjs-backend-webgpu') as TfjsWebGpuModule;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create(options.dawnFlags);
  // tfjs looks for navigator.gpu; Node 20 has no navigator, Node 21+ one without gpu.
  const host = globalThis as unknown as { navigator?: Record<string, unknown> };
  if (host.navigator === undefined) host.navigator = { gpu };
  else Object.defineProperty(host.navigator, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) throw new Error('no WebGPU adapter (no GPU, or no Vulkan driver Dawn can use)');
  const name = adapterName(adapter.info);
  if ((adapter.info.isFallbackAdapter ?? adapter.isFallbackAdapter) === true && !options.acceptSoftwareAdapter) {
    throw new Error(`only a software adapter (${name}); set VAD_BACKEND=webgpu to use it anyway`);
  }
  const requiredLimits = Object.fromEntries(REQUIRED_LIMITS.map((key) => [key, adapter.limits[key]]));
  const device = await adapter.requestDevice({ requiredFeatures: [], requiredLimits });
  device.lost.then(
    (lost) => options.log(`vad model: WebGPU device lost (${lost.reason}): ${lost.message}`),
    () => undefined,
  );
  if (tf.findBackendFactory('webgpu') !== null) tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', () => new tfjsWebGpu.WebGPUBackend(device, adapter.info), 3);
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not initialise "webgpu" on the adapter');
  await tf.ready();
  return name;
}
