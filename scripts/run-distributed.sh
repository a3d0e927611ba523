#!/usr/bin/env bash
# The distributed shop as plain processes on loopback, no Docker, for
# development:
#   scripts/run-distributed.sh                 # http://localhost:8080
#   SHOP_PORT=9090 scripts/run-distributed.sh
# Installs what is missing, builds (release), starts PostgreSQL, Redis and
# NATS JetStream in a temporary folder (scripts/with-test-infra.sh), then
# every service as its own executable and the gateway in front serving the
# web app, with the demo catalog. Ctrl-C stops everything, the data with it:
# every run is a fresh shop. tools/distributed-shop --help lists the options.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target distributed-shop
scripts/build-web.sh
export SHOP_WEB_ROOT=${SHOP_WEB_ROOT:-$PWD/web/dist}
exec scripts/with-test-infra.sh build/release/tools/distributed-shop/distributed-shop "$@"
