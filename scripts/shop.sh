#!/usr/bin/env bash
# README command one: installs what is missing, builds, and runs the whole
# shop in embedded mode with demo data on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
# Share compiled objects between clones (CI builds a fresh clone every time).
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target shop
scripts/build-web.sh
exec build/release/apps/shop/shop "$@"
