// Bundles gpu-bench.ts into one CommonJS file for Node 20 with no node_modules at run time.
// Every bare import resolves in DEPS (npm packages fetched into /tmp, never the repository's), so
// tfjs-core is one copy shared by tfjs and tfjs-backend-webgpu. Native files stay external:
// dawn.node is required by computed path (gpu-bench.ts), and onnxruntime-node's binding require is
// rewritten to the bundle's own folder, where build.sh puts the .node and libonnxruntime.so.1.
// Usage: node build.mjs <src-root> <out-file>   (src-root holds tools/gpu-bench/ and libs/model/)
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DEPS = process.env.GPU_BENCH_DEPS ?? '/tmp/gpub/deps';
const require = createRequire(path.join(DEPS, 'package.json'));
const esbuild = require('esbuild');
const [srcRoot, outFile] = process.argv.slice(2);
const version = (name) => require(`${name}/package.json`).version;

const depsOnly = {
  name: 'deps-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.depsOnly || args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
      // the model's one runtime import of the data library: its random generator, from the source snapshot
      if (args.path === '@vad/data/random') return { path: path.join(srcRoot, 'libs/data/src/random/seeded-random.ts') };
      // Imports inside the fetched packages resolve as usual (nested node_modules included).
      if (args.importer.startsWith(DEPS)) return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, resolveDir: DEPS, pluginData: { depsOnly: true } });
      if (result.errors.length > 0) return { errors: result.errors };
      if (!result.external && !result.path.startsWith(DEPS) && result.namespace === 'file' && !path.isAbsolute(args.path)) {
        return { errors: [{ text: `${args.path} resolved outside ${DEPS}: ${result.path}` }] };
      }
      return result;
    });
    build.onLoad({ filter: /onnxruntime-node[\\/]dist[\\/]binding\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const pattern = /require\(`\.\.\/bin\/napi-v6\/\$\{process\.platform\}\/\$\{process\.arch\}\/onnxruntime_binding\.node`\)/;
      if (!pattern.test(source)) throw new Error(`onnxruntime-node binding loader changed; update build.mjs (${args.path})`);
      const contents = source.replace(pattern, 'require(require("node:path").join(process.env.GPU_BENCH_NATIVE_DIR || __dirname, "onnxruntime_binding.node"))');
      return { contents, loader: 'js' };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [path.join(srcRoot, 'tools/gpu-bench/gpu-bench.ts')],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Readable stack traces on the target matter more than bytes (the bundle is xz-compressed).
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  external: ['*.node'],
  logLevel: 'warning',
  metafile: true,
  plugins: [depsOnly],
  define: {
    BUILD_INFO: JSON.stringify({
      built: new Date().toISOString(),
      source: process.env.GPU_BENCH_SOURCE ?? 'unknown',
      tfjsPkg: version('@tensorflow/tfjs'),
      tfjsWebgpuPkg: version('@tensorflow/tfjs-backend-webgpu'),
      webgpuPkg: version('webgpu'),
      onnxruntimeNodePkg: version('onnxruntime-node'),
      esbuild: esbuild.version,
    }),
  },
});
// The data-parallel training replicas run in worker threads, from this file beside the bundle.
const replica = await esbuild.build({
  entryPoints: [path.join(srcRoot, 'libs/model/src/training/parallel/replica-thread.ts')],
  outfile: path.join(path.dirname(outFile), 'replica-thread.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: false,
  external: ['*.node'],
  logLevel: 'warning',
  metafile: true,
  plugins: [depsOnly],
});
const inputs = [...Object.keys(result.metafile.inputs), ...Object.keys(replica.metafile.inputs)];
const outside = inputs.filter((p) => p.includes('node_modules') && !path.resolve(p).startsWith(DEPS));
if (outside.length > 0) throw new Error(`bundled files from outside ${DEPS}: ${outside.join(', ')}`);
const copies = inputs.filter((p) => /tfjs-core\/dist\/tf-core\.node\.js$/.test(p));
console.log(`bundled ${inputs.length} files into ${outFile}; tfjs-core copies: ${copies.length}`);
