#!/usr/bin/env bash
# Installs what llm-footprint needs on a fresh Debian 12 machine, and nothing twice:
#  - Debian packages (apt-get, when root) that are missing: compilers, Emscripten, the
#    header-only libraries, Catch2, Chromium for browser tests, and the quality tools;
#  - npm packages (npm ci) when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ clang clang-format clang-tidy libclang-rt-14-dev llvm
  emscripten node-acorn libeigen3-dev nlohmann-json3-dev catch2
  chromium fonts-liberation
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: not root; please run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"
