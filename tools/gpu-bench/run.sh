#!/usr/bin/env bash
# One-shot GPU benchmark of @vad/model (tfjs on WebGPU vs ONNX Runtime CPU) on a machine without Node
# or network. Run from the repository root:   bash .gpu/run.sh
# Unpacks the carried Node, bundle and native files to $GPU_BENCH_WORK (/tmp/gpu-bench), installs the
# Vulkan/EGL loaders that are missing, prints the driver situation, runs the bench under `timeout 360`
# and writes everything to "$OUT/gpu-bench.log" ($OUT defaults to /tmp/out).
# Environment (all optional):
#   GPU_BENCH_QUICK=1        smoke test: one small preset, 2 runs, short budgets
#   GPU_BENCH_PARTS=train    only these parts (probe, webgpu, onnx, train), comma separated
#   GPU_BENCH_TRAIN_WORKERS=16,8  replica counts of the data-parallel training part (batch: GPU_BENCH_TRAIN_BATCH_CPU, 16)
#   GPU_BENCH_GL_ROOT=dir    unpack the loader .debs into dir (LD_LIBRARY_PATH) instead of / (+ ldconfig)
#   GPU_BENCH_FORCE_LOADERS=1  unpack every .deb even where the library is already present
#   GPU_BENCH_PRESETS, GPU_BENCH_RUNS, GPU_BENCH_ORT_THREADS, GPU_BENCH_DAWN_FLAGS,
#   GPU_BENCH_TFJS_FALLBACK: passed to the bench (see the header of gpu-bench.cjs)
set -u

if [ "${1:-}" = --inner ]; then
  # Runs inside `timeout 360`: the three node processes, each with its own limit, so that a hang or a
  # crash in Dawn still leaves time for the ONNX Runtime figures.
  NODE=$GPU_BENCH_WORK/node
  APP=$GPU_BENCH_WORK/app/gpu-bench.cjs
  if [ "${GPU_BENCH_QUICK:-}" = 1 ]; then TOTAL=150; WEBGPU_MAX=70; else TOTAL=345; WEBGPU_MAX=225; fi
  dedupe() { # the Vulkan loader and Dawn repeat messages verbatim
    if command -v awk >/dev/null 2>&1; then awk '!seen[$0]++ { print; fflush() }'; else cat; fi
  }
  bench() { # <limit_s> <part> [env...]
    local limit=$1 part=$2; shift 2
    echo "=== $part (limit ${limit}s, $(date -u +%T))"
    env -u NODE_PATH GPU_BENCH_BUDGET_S=$((limit - 8)) "$@" timeout -k 5 "$limit" "$NODE" --max-old-space-size=32768 "$APP" "$part" 2>&1 |
      dedupe
    local rc=${PIPESTATUS[0]}
    echo "=== $part exit status $rc$([ $rc = 124 ] && echo ' (timed out)')"
  }
  cd /tmp
  if [ -n "${GPU_BENCH_PARTS:-}" ]; then # e.g. GPU_BENCH_PARTS=train: only those parts, in order
    for part in ${GPU_BENCH_PARTS//,/ }; do bench $((TOTAL - SECONDS)) "$part"; done
    exit 0
  fi
  bench 45 probe VK_LOADER_DEBUG=error,warn,driver
  left=$((TOTAL - SECONDS)); bench $((left - 60 < WEBGPU_MAX ? left - 60 : WEBGPU_MAX)) webgpu
  bench $((TOTAL - SECONDS)) onnx
  exit 0
fi

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export GPU_BENCH_WORK=${GPU_BENCH_WORK:-/tmp/gpu-bench}
OUT=${OUT:-/tmp/out}
mkdir -p "$OUT"
LOG=$OUT/gpu-bench.log

unxz_to() { # <file.xz> <dest>: xz if installed, else Python's lzma
  if command -v xz >/dev/null 2>&1; then xz -dc "$1" > "$2"
  else python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"), 1 << 20)' "$1" "$2"; fi
}

deb_x() { # <file.deb> <root>: dpkg -x if installed, else Python (ar + tar)
  if command -v dpkg >/dev/null 2>&1; then dpkg -x "$1" "$2"
  else python3 - "$1" "$2" <<'EOF'
import io, sys, tarfile
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'!<arch>\n', 'not a .deb'
pos = 8
while pos < len(data):
    name, size = data[pos:pos + 16].decode().strip().rstrip('/'), int(data[pos + 48:pos + 58])
    body = data[pos + 60:pos + 60 + size]
    if name.startswith('data.tar'):
        archive = tarfile.open(fileobj=io.BytesIO(body))
        archive.extractall(sys.argv[2], **({'filter': 'fully_trusted'} if hasattr(tarfile, 'fully_trusted_filter') else {}))
    pos += 60 + size + (size % 2)
EOF
  fi
}

main() {
  echo "=== gpu-bench $(date -u +%FT%TZ) on $(uname -n) ($(uname -srm)), $(nproc) CPUs"
  grep -m1 PRETTY_NAME /etc/os-release 2>/dev/null
  echo "repo: $HERE/..   work: $GPU_BENCH_WORK   log: $LOG"
  free -g 2>/dev/null | head -2

  echo "=== unpack"
  rm -rf "$GPU_BENCH_WORK" && mkdir -p "$GPU_BENCH_WORK/app" || return 1
  unxz_to "$HERE/node.xz" "$GPU_BENCH_WORK/node" && chmod +x "$GPU_BENCH_WORK/node" || return 1
  for f in gpu-bench.cjs replica-thread.cjs dawn.node libonnxruntime.so.1 onnxruntime_binding.node tfjs-backend-wasm.wasm tfjs-backend-wasm-simd.wasm tfjs-backend-wasm-threaded-simd.wasm; do
    unxz_to "$HERE/$f.xz" "$GPU_BENCH_WORK/app/$f" || return 1
  done
  # SHA256SUMS lists node at the top level and the rest beside the bundle.
  (cd "$GPU_BENCH_WORK/app" && ln -sf ../node node && sha256sum -c "$HERE/SHA256SUMS" && rm node) || echo "WARNING: checksum mismatch"
  "$GPU_BENCH_WORK/node" --version || { echo "the carried node does not start"; return 1; }

  echo "=== Vulkan/EGL loaders"
  local root=${GPU_BENCH_GL_ROOT:-/}
  declare -A soname=([libvulkan1]=libvulkan.so.1 [libegl1]=libEGL.so.1 [libglvnd0]=libGLdispatch.so.0 [libopengl0]=libOpenGL.so.0
    [libgl1]=libGL.so.1 [libglx0]=libGLX.so.0 [libgles2]=libGLESv2.so.2)
  for f in "$HERE"/gl/*.deb; do
    local pkg; pkg=$(basename "$f"); pkg=${pkg%%_*}
    if [ "${GPU_BENCH_FORCE_LOADERS:-}" != 1 ] && ldconfig -p | grep -q "${soname[$pkg]:-none} "; then
      echo "$pkg: ${soname[$pkg]} already present, kept"
    else
      mkdir -p "$root" && deb_x "$f" "$root" && echo "$pkg: unpacked into $root"
    fi
  done
  if [ "$root" = / ]; then ldconfig
  else export LD_LIBRARY_PATH=$root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}; echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"; fi

  echo "=== driver"
  nvidia-smi -L 2>&1
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1
  echo "NVIDIA_DRIVER_CAPABILITIES=${NVIDIA_DRIVER_CAPABILITIES:-unset}"
  echo "--- ldconfig -p | grep -i vulkan"; ldconfig -p | grep -i vulkan
  echo "--- NVIDIA GL/Vulkan libraries"; ldconfig -p | grep -iE 'libGLX_nvidia|libEGL_nvidia|libnvidia-(glcore|glsi|gpucomp)' | head
  echo "--- ICD files"
  local icd found=""
  for icd in /etc/vulkan/icd.d/*.json /usr/share/vulkan/icd.d/*.json /usr/local/share/vulkan/icd.d/*.json /usr/local/nvidia/share/vulkan/icd.d/*.json; do
    [ -f "$icd" ] && echo "$icd: $(tr -d ' \n' < "$icd" | head -c 200)"
  done
  for icd in /etc/vulkan/icd.d/nvidia*.json /usr/share/vulkan/icd.d/nvidia*.json /usr/local/share/vulkan/icd.d/nvidia*.json; do
    [ -f "$icd" ] && found=$icd
  done
  if [ -z "$found" ] && [ -f /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
    export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
    export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
    echo "no NVIDIA ICD in the standard folders: VK_DRIVER_FILES=$VK_DRIVER_FILES"
  elif [ -z "$found" ] && ldconfig -p | grep -q 'libGLX_nvidia.so.0 '; then
    # The driver's Vulkan ICD is libGLX_nvidia; the container may have the library without its json.
    printf '{"file_format_version":"1.0.0","ICD":{"library_path":"libGLX_nvidia.so.0","api_version":"1.3"}}\n' > "$GPU_BENCH_WORK/nvidia_icd.json"
    export VK_DRIVER_FILES=$GPU_BENCH_WORK/nvidia_icd.json
    echo "no NVIDIA ICD json anywhere, libGLX_nvidia.so.0 present: VK_DRIVER_FILES=$VK_DRIVER_FILES (written here)"
  elif [ -z "$found" ]; then
    echo "no NVIDIA Vulkan ICD found (json or libGLX_nvidia.so.0): expect 'no adapter' (the container may lack the 'graphics' driver capability)"
  fi

  echo "=== bench (timeout 360; node: $GPU_BENCH_WORK/node, cwd /tmp, NODE_PATH unset)"
  timeout -k 10 360 bash "$HERE/run.sh" --inner
  echo "=== bench exit status $?"

  echo "=== summary"
  grep -E '^\{"kind":"(webgpu-adapter|tfjs-backend|matmul|model|onnx|error|skip|note|webgpu-error|webgpu-device-lost|done)"' "$LOG"
}

main 2>&1 | tee "$LOG"
echo "log: $LOG"
