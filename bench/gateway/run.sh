#!/usr/bin/env bash
# Gateway benchmark: product by id through our gateway and through nginx as
# a reverse proxy, both in front of the same catalog process, in the same
# run; the catalog reached directly is the floor. Prints a Markdown table.
#
#   bench/gateway/run.sh            # 10 s per measurement, 3 rounds
#   DURATION=30s ROUNDS=5 bench/gateway/run.sh
#
# The two proxies are measured in alternating order (nginx, gateway, gateway,
# nginx, ...) and each is reported by its median round, so that the drift of
# a shared machine falls on both alike.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}
source bench/lib/common.sh

cmake --build --preset release --target catalog_server gateway_server >/dev/null

catalog_port=$(free_port)
CATALOG_PORT=$catalog_port CATALOG_DATABASE_URL="sqlite:$work/catalog.db" CATALOG_SEED_DEMO=true \
  CATALOG_ACCESS_LOG=false LOG_LEVEL=warn build/release/services/catalog/catalog &
pids+=($!)
wait_http "http://127.0.0.1:$catalog_port/readyz"
curl -fs "http://127.0.0.1:$catalog_port/v1/products?limit=100" | python3 -c '
import json,sys
items=json.load(sys.stdin)["items"]
print("\n".join("/api/catalog/v1/products/"+p["id"] for p in items))' > "$work/by-id.txt"
sed 's#^/api/catalog##' "$work/by-id.txt" > "$work/direct.txt"

gateway_port=$(free_port)
cat > "$work/gateway.json" <<JSON
{"upstreams": [{"name": "catalog", "static": ["127.0.0.1:$catalog_port"]}],
 "routes": [{"prefix": "/api/catalog", "upstream": "catalog", "auth": "none"}],
 "rate_limits": {"enabled": false}}
JSON
GATEWAY_IO_THREADS=${GATEWAY_IO_THREADS:-2} GATEWAY_PORT=$gateway_port GATEWAY_CONFIG_FILE="$work/gateway.json" GATEWAY_ACCESS_LOG=false \
  LOG_LEVEL=warn build/release/services/gateway/gateway &
pids+=($!)
gateway_pid=${pids[-1]}
wait_http "http://127.0.0.1:$gateway_port/healthz"

# nginx as the reverse proxy to compare with: two workers, kept-alive
# upstream connections, no buffering to disk.
nginx_port=$(free_port)
run_nginx "  upstream catalog { server 127.0.0.1:$catalog_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /api/catalog/ {
      proxy_pass http://catalog/;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
wait_http "http://127.0.0.1:$nginx_port$(head -n1 "$work/by-id.txt")"

export PATHS_FILE
PATHS_FILE="$work/direct.txt" measure catalog-direct bench/catalog/paths.lua "http://127.0.0.1:$catalog_port"
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then order="nginx gateway"; else order="gateway nginx"; fi
  for proxy in $order; do
    port=$nginx_port
    [[ $proxy == gateway ]] && port=$gateway_port
    PATHS_FILE="$work/by-id.txt" measure "$proxy-proxy" bench/catalog/paths.lua "http://127.0.0.1:$port"
  done
done
gateway_rss=$(rss_kib "$gateway_pid")

python3 bench/gateway/report.py "$work/results.jsonl" "$gateway_rss" "$duration" "$connections" "$threads" "$rounds"
