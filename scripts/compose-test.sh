#!/usr/bin/env bash
# The distributed shop in Docker, tested end to end:
#   scripts/compose-test.sh [ENGINE_DIR]
# builds every image (scripts/build-images.sh) on a private engine, starts
# deploy/compose.yaml (PostgreSQL, Redis, NATS, S3 and every service, two
# replicas of catalog and of search behind the gateway on
# 127.0.0.1:8080), runs the browser's checkout scenario through the
# gateway (web/e2e/customer.test.mjs) and the operator's (admin.test.mjs),
# kills one catalog replica with SIGKILL and runs the checkout again. Everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-/tmp/shop-docker}
project=shop-compose-test
compose=(docker-compose -f deploy/compose.yaml -p "$project")
docker=docker
[[ -x /usr/bin/docker ]] && docker=/usr/bin/docker

scripts/docker-engine.sh start "$engine"
export DOCKER_HOST=unix://$(cd "$engine" && pwd)/docker.sock
cleanup() {
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  scripts/docker-engine.sh stop "$engine"
}
trap cleanup EXIT

scripts/build-images.sh
npm ci --prefix web --no-audit --no-fund --loglevel=error

# A service that is still migrating when compose stops waiting makes `up`
# fail: it is run again until every container is healthy, for 3 minutes.
deadline=$((SECONDS + 180))
until "${compose[@]}" up -d >/dev/null 2>&1 &&
  [[ $("${compose[@]}" ps | grep -c -e 'Up (healthy)') -eq $("${compose[@]}" ps -q | wc -l) ]]; do
  if ((SECONDS > deadline)); then
    "${compose[@]}" ps
    "${compose[@]}" logs --tail 20
    echo "compose-test: the stack did not become healthy" >&2
    exit 1
  fi
  sleep 3
done
until curl -fsS http://127.0.0.1:8080/readyz >/dev/null; do
  ((SECONDS < deadline)) || { echo "compose-test: the gateway is not ready" >&2; exit 1; }
  sleep 1
done
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
