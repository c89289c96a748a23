#!/usr/bin/env bash
# Builds <repo>/.gpu/ (git-ignored): the carried Node binary, the esbuild bundle of gpu-bench.ts
# with its native files, the Vulkan/GL loader .debs and run.sh. Nothing is added to the repository's
# package.json or node_modules: npm packages live in $DEPS (/tmp), the model source is a snapshot.
#   GPU_BENCH_SOURCE_MODE=head      (default) libs/model as committed at HEAD (git archive), stable
#                         worktree  libs/model as it is on disk now, uncommitted edits included
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SRC_DIR=$REPO/tools/gpu-bench
DEST=$REPO/.gpu
WORK=/tmp/gpub
DEPS=${GPU_BENCH_DEPS:-$WORK/deps}
MODE=${GPU_BENCH_SOURCE_MODE:-head}

if [ ! -d "$DEPS/node_modules/@tensorflow/tfjs-backend-wasm" ]; then
  mkdir -p "$DEPS"
  cat > "$DEPS/package.json" <<'EOF'
{ "name": "gpu-bench-deps", "private": true, "version": "0.0.0",
  "dependencies": { "@tensorflow/tfjs": "4.22.0", "@tensorflow/tfjs-backend-webgpu": "4.22.0", "@tensorflow/tfjs-backend-wasm": "4.22.0", "@tensorflow/tfjs-core": "4.22.0",
                    "webgpu": "0.6.2", "onnxruntime-node": "1.30.0", "esbuild": "0.25.12" } }
EOF
  (cd "$DEPS" && npm install --ignore-scripts --no-audit --no-fund)
fi

# Model source.
rm -rf "$WORK/src" && mkdir -p "$WORK/src/tools/gpu-bench"
if [ "$MODE" = head ]; then
  git -C "$REPO" archive HEAD libs/model libs/data tsconfig.base.json | tar -x -C "$WORK/src"
  SOURCE="HEAD $(git -C "$REPO" rev-parse --short HEAD)"
else
  mkdir -p "$WORK/src/libs"
  cp -r "$REPO/libs/model" "$REPO/libs/data" "$WORK/src/libs/" && cp "$REPO/tsconfig.base.json" "$WORK/src/"
  SOURCE="worktree of $(git -C "$REPO" rev-parse --short HEAD) (uncommitted edits included)"
fi
cp "$SRC_DIR/gpu-bench.ts" "$WORK/src/tools/gpu-bench/"

# Type check (strict, as the repository's tsconfig.base.json) when a TypeScript is at hand in /tmp/gpub/tsc:
#   (mkdir -p /tmp/gpub/tsc && cd /tmp/gpub/tsc && npm init -y && npm i --ignore-scripts typescript@6.0.3 @types/node@20)
if [ -x "$WORK/tsc/node_modules/.bin/tsc" ]; then
  ln -sfn "$DEPS/node_modules" "$WORK/src/node_modules"
  mkdir -p "$DEPS/node_modules/@types" && ln -sfn "$WORK/tsc/node_modules/@types/node" "$DEPS/node_modules/@types/node"
  cat > "$WORK/src/tsconfig.gpu.json" <<'JSON'
{ "extends": "./tsconfig.base.json",
  "compilerOptions": { "types": ["node"], "paths": { "@vad/data": ["./libs/data/src/batching/training-batch.ts"], "@vad/data/random": ["./libs/data/src/random/seeded-random.ts"] } },
  "files": ["tools/gpu-bench/gpu-bench.ts"] }
JSON
  (cd "$WORK/src" && "$WORK/tsc/node_modules/.bin/tsc" -p tsconfig.gpu.json) && echo "type check: ok"
fi

# Bundle.
mkdir -p "$WORK/out"
GPU_BENCH_DEPS=$DEPS GPU_BENCH_SOURCE=$SOURCE node "$SRC_DIR/build.mjs" "$WORK/src" "$WORK/out/gpu-bench.cjs"

# Compressed payload (the big files are compressed once and reused while their source is unchanged).
mkdir -p "$WORK/stage" "$DEST/gl"
xz_once() { # <source> <name>: $WORK/stage/<name>.xz, stripped first for executables
  local src=$1 name=$2 st=$WORK/stage
  if [ ! -f "$st/$name.xz" ] || [ "$src" -nt "$st/$name.xz" ]; then
    cp "$src" "$st/$name"
    if [ "$name" = node ]; then strip "$st/$name"; fi
    xz -9 -T1 -f -k "$st/$name"
  fi
  cp "$st/$name.xz" "$DEST/$name.xz"
}
ORT=$DEPS/node_modules/onnxruntime-node/bin/napi-v6/linux/x64
xz_once /usr/bin/node node
xz_once "$DEPS/node_modules/webgpu/dist/linux-x64/dawn.node" dawn.node
xz_once "$ORT/libonnxruntime.so.1" libonnxruntime.so.1
xz_once "$ORT/onnxruntime_binding.node" onnxruntime_binding.node
xz -9 -T1 -c "$WORK/out/gpu-bench.cjs" > "$DEST/gpu-bench.cjs.xz"
xz -9 -T1 -c "$WORK/out/replica-thread.cjs" > "$DEST/replica-thread.cjs.xz"
WASM=$DEPS/node_modules/@tensorflow/tfjs-backend-wasm/dist
for f in tfjs-backend-wasm.wasm tfjs-backend-wasm-simd.wasm tfjs-backend-wasm-threaded-simd.wasm; do xz_once "$WASM/$f" "$f"; done

# Checksums of the unpacked files, checked by run.sh on the target.
(
  cd "$WORK/stage"
  sha256sum node dawn.node libonnxruntime.so.1 onnxruntime_binding.node tfjs-backend-wasm.wasm tfjs-backend-wasm-simd.wasm tfjs-backend-wasm-threaded-simd.wasm
  cd "$WORK/out" && sha256sum gpu-bench.cjs replica-thread.cjs
) > "$DEST/SHA256SUMS"

# Loaders (Debian bookworm amd64), fetched once.
if ! ls "$DEST"/gl/libvulkan1_*.deb >/dev/null 2>&1; then
  mkdir -p /tmp/amd64/partial
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  apt-get $o update
  (cd "$DEST/gl" && apt-get $o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
fi

cp "$SRC_DIR/run.sh" "$DEST/run.sh"
echo "built $DEST from $SOURCE:"
ls -la "$DEST" "$DEST/gl"
du -sb "$DEST" | awk '{printf "total %.2f MiB\n", $1 / 1048576}'
