#!/usr/bin/env bash
# The distributed shop in Docker, tested end to end:
#   scripts/compose-test.sh [ENGINE_DIR]
# builds every image (scripts/build-images.sh) on a private engine, starts
# deploy/compose.yaml (PostgreSQL, Redis, NATS, S3 and every service, two
# replicas of catalog and of search behind the gateway on
# 127.0.0.1:8080), runs the browser's checkout scenario through the
# gateway (web/e2e/customer.test.mjs) and the operator's (admin.test.mjs),
# kills one catalog replica with SIGKILL and runs the checkout again.
# Everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/compose-stack.sh
source scripts/compose-stack.sh "${1:-/tmp/shop-docker}" shop-compose-test
stack_up
npm ci --prefix web --no-audit --no-fund --loglevel=error
"${compose[@]}" ps

scenario() {
  (cd web && SHOP_URL=http://localhost:8080 SHOP_ADMIN_PASSWORD='laptop compose operator passphrase 7' \
    node --test --test-concurrency=1 "$@")
}
# The operator's spec too, once: a picture uploaded and shown as AVIF
# proves the images service has the codecs its image was cut down to.
echo "compose-test: the checkout and the operator's scenarios through the gateway"
scenario e2e/customer.test.mjs e2e/admin.test.mjs
replica=$("${compose[@]}" ps -q catalog-2)
echo "compose-test: SIGKILL to catalog-2 ($replica)"
"$docker" kill --signal KILL "$replica" >/dev/null
echo "compose-test: the checkout scenario again, with one catalog replica"
scenario e2e/customer.test.mjs
curl -fsS http://127.0.0.1:8080/metrics | grep 'gateway_upstream_instances{upstream="catalog"'
echo "compose-test: passed"
