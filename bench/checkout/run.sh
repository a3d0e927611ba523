#!/usr/bin/env bash
# Checkout end to end (issue 5): every service its own process on PostgreSQL,
# Redis and NATS JetStream started by scripts/with-test-infra.sh, all on this
# machine with the load generator. Prints a Markdown table and the audit.
#
#   bench/checkout/run.sh                  # 32 shoppers, 20 s per measurement
#   SHOPPERS=64 DURATION_SECONDS=30 bench/checkout/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target checkout_bench >/dev/null
exec scripts/with-test-infra.sh build/release/bench/checkout_bench
