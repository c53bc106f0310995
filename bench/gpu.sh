#!/bin/sh
# The GPU path measured where a GPU is at hand (issue 18, goal 5): the course's CNN and LSTM on
# WebGPU and WebGL in headless Chromium with a real GPU, against WASM and the CPU backend, as
# ratios. Needs the checkout's node_modules and Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
# Usage: bench/gpu.sh [--rounds N]. Record what it prints in bench/README.md.
set -eu
cd "$(dirname "$0")/.."
if command -v nvidia-smi >/dev/null 2>&1; then nvidia-smi --query-gpu=name,driver_version --format=csv,noheader; fi
GPU=1 exec npx tsx bench/gpu.ts "$@"
