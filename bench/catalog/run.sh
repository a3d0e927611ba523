#!/usr/bin/env bash
# Catalog HTTP benchmark: product by id and a 20-item product list, embedded
# (SQLite) and distributed (PostgreSQL), each against nginx serving a static
# JSON body of the same size in the same run: the practical HTTP ceiling of
# this machine. Prints a Markdown table; results are ratios to nginx because
# absolute numbers on a shared 2-core machine are noise.
#
#   bench/catalog/run.sh            # 10 s per measurement
#   DURATION=30s bench/catalog/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}
source bench/lib/common.sh

cmake --build --preset release --target shop catalog_server >/dev/null

# nginx: the same bytes as a real product document, from memory.
nginx_port=$(free_port)
mkdir -p "$work/nginx/root"
# The catalog inside the shop answers on a port of its own as well as behind
# the shop's gateway: both are measured.
embedded_catalog_port=$(free_port)
start_shop() {  # start_shop PORT DATA_DIR -> pid
  SHOP_PORT=$1 SHOP_DATA_DIR=$2 SHOP_CATALOG_PORT=$embedded_catalog_port SHOP_ACCESS_LOG=false \
    SHOP_RATE_LIMIT=0 LOG_LEVEL=warn build/release/apps/shop/shop &
  pids+=($!)
}

# --- embedded (SQLite) ----------------------------------------------------------
shop_port=$(free_port)
start_shop "$shop_port" "$work/data"
shop_pid=${pids[-1]}
wait_http "http://127.0.0.1:$shop_port/healthz"
sleep 1
idle_rss=$(rss_kib "$shop_pid")
base="http://127.0.0.1:$shop_port"
curl -fs "$base/api/catalog/v1/products?limit=100" | python3 -c '
import json,sys
items=json.load(sys.stdin)["items"]
print("\n".join("/api/catalog/v1/products/"+p["id"] for p in items))' > "$work/by-id.txt"
curl -fs "$base$(head -n1 "$work/by-id.txt")" > "$work/nginx/root/product.json"
for category in home-office kitchen audio outdoor fitness books garden lighting bags toys; do
  echo "/api/catalog/v1/products?category=$category&limit=20"
done > "$work/list.txt"
curl -fs "$base/api/catalog/v1/products?category=kitchen&limit=20" > "$work/nginx/root/list.json"
echo /product.json > "$work/nginx-product.txt"
echo /list.json > "$work/nginx-list.txt"
sed 's#^/api/catalog##' "$work/by-id.txt" > "$work/direct-by-id.txt"
sed 's#^/api/catalog##' "$work/list.txt" > "$work/direct-list.txt"
embedded="http://127.0.0.1:$embedded_catalog_port"

start_nginx "$nginx_port" "$work/nginx/root"
wait_http "http://127.0.0.1:$nginx_port/product.json"

measure_paths nginx-product "$work/nginx-product.txt" "http://127.0.0.1:$nginx_port"
measure_paths nginx-list "$work/nginx-list.txt" "http://127.0.0.1:$nginx_port"
measure_paths sqlite-product "$work/direct-by-id.txt" "$embedded"
measure_paths sqlite-list "$work/direct-list.txt" "$embedded"
measure_paths gateway-sqlite-product "$work/by-id.txt" "$base"
measure_paths gateway-sqlite-list "$work/list.txt" "$base"
loaded_rss=$(rss_kib "$shop_pid")
kill "$shop_pid"
wait "$shop_pid" 2>/dev/null || true
CATALOG_CACHE_TTL_MS=0 start_shop "$shop_port" "$work/data"
wait_http "http://127.0.0.1:$shop_port/healthz"
measure_paths sqlite-uncached-product "$work/direct-by-id.txt" "$embedded"
measure_paths sqlite-uncached-list "$work/direct-list.txt" "$embedded"

# --- distributed (PostgreSQL) ------------------------------------------------------
scripts/test-infra.sh start "$work/infra" --only postgres >/dev/null
# shellcheck disable=SC1091
source "$work/infra/env"
catalog_port=$(free_port)
CATALOG_PORT=$catalog_port CATALOG_DATABASE_URL=$SHOP_TEST_POSTGRES_URL CATALOG_SEED_DEMO=true \
  CATALOG_ACCESS_LOG=false LOG_LEVEL=warn build/release/services/catalog/catalog &
pids+=($!)
catalog_pid=${pids[-1]}
wait_http "http://127.0.0.1:$catalog_port/readyz"
sleep 1
catalog_idle_rss=$(rss_kib "$catalog_pid")
pg_base="http://127.0.0.1:$catalog_port"
curl -fs "$pg_base/v1/products?limit=100" | python3 -c '
import json,sys
items=json.load(sys.stdin)["items"]
print("\n".join("/v1/products/"+p["id"] for p in items))' > "$work/pg-by-id.txt"
sed 's#^/api/catalog##' "$work/list.txt" > "$work/pg-list.txt"
measure_paths postgres-product "$work/pg-by-id.txt" "$pg_base"
measure_paths postgres-list "$work/pg-list.txt" "$pg_base"
kill "$catalog_pid"

# The same with the read cache off: every request reaches PostgreSQL.
CATALOG_PORT=$catalog_port CATALOG_DATABASE_URL=$SHOP_TEST_POSTGRES_URL CATALOG_CACHE_TTL_MS=0 \
  CATALOG_ACCESS_LOG=false LOG_LEVEL=warn build/release/services/catalog/catalog &
pids+=($!)
wait_http "http://127.0.0.1:$catalog_port/readyz"
measure_paths postgres-uncached-product "$work/pg-by-id.txt" "$pg_base"
measure_paths postgres-uncached-list "$work/pg-list.txt" "$pg_base"

python3 bench/catalog/report.py "$work/results.jsonl" "$idle_rss" "$loaded_rss" "$catalog_idle_rss" \
  "$duration" "$connections" "$threads"
