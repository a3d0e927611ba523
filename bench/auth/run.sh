#!/usr/bin/env bash
# Auth HTTP benchmark: POST /oauth2/token with client_credentials (a client
# lookup, a secret check, one signed JWT) on SQLite and PostgreSQL, signing
# with RS256 and ES256, against nginx serving a token response of the same
# size in the same run. Prints a Markdown table of ratios to nginx.
#
#   bench/auth/run.sh            # 10 s per measurement
#   DURATION=30s bench/auth/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}
source bench/lib/common.sh

cmake --build --preset release --target auth_server >/dev/null

secret=$(head -c 32 /dev/urandom | base64 | tr -d '=+/')
cat > "$work/clients.json" <<JSON
[{"id": "bench", "name": "Benchmark", "secret": "$secret",
  "grant_types": ["client_credentials"], "scopes": ["catalog.reservations"]}]
JSON
export BASIC_CREDENTIALS
BASIC_CREDENTIALS=$(printf 'bench:%s' "$secret" | base64 -w0)
sealing_key=$(head -c 32 /dev/urandom | base64)

start_auth() {  # start_auth PORT DATABASE_URL ALGORITHM
  AUTH_PORT=$1 AUTH_DATABASE_URL=$2 AUTH_SIGNING_ALGORITHM=$3 AUTH_ISSUER="http://127.0.0.1:$1" \
    AUTH_KEY_ENCRYPTION_KEY=$sealing_key AUTH_ADMIN_PASSWORD="bench owner passphrase" \
    AUTH_CLIENTS_FILE="$work/clients.json" AUTH_ACCESS_LOG=false LOG_LEVEL=warn \
    build/release/services/auth/auth &
  pids+=($!)
  wait_http "http://127.0.0.1:$1/readyz"
}

auth_port=$(free_port)
start_auth "$auth_port" "sqlite:$work/auth-rs.db" RS256
auth_pid=${pids[-1]}
idle_rss=$(rss_kib "$auth_pid")

# The reference: nginx serving a real token response's bytes.
mkdir -p "$work/nginx/root"
curl -fs -u "bench:$secret" -d grant_type=client_credentials "http://127.0.0.1:$auth_port/oauth2/token" \
  > "$work/nginx/root/token.json"
nginx_port=$(free_port)
start_nginx "$nginx_port" "$work/nginx/root"
wait_http "http://127.0.0.1:$nginx_port/token.json"

measure nginx-static bench/auth/static.lua "http://127.0.0.1:$nginx_port"
measure sqlite-rs256 bench/auth/token.lua "http://127.0.0.1:$auth_port"
loaded_rss=$(rss_kib "$auth_pid")
kill "$auth_pid"; wait "$auth_pid" 2>/dev/null || true

start_auth "$auth_port" "sqlite:$work/auth-es.db" ES256
measure sqlite-es256 bench/auth/token.lua "http://127.0.0.1:$auth_port"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

scripts/test-infra.sh start "$work/infra" --only postgres >/dev/null
# shellcheck disable=SC1091
source "$work/infra/env"
start_auth "$auth_port" "$SHOP_TEST_POSTGRES_URL" RS256
measure postgres-rs256 bench/auth/token.lua "http://127.0.0.1:$auth_port"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
start_auth "$auth_port" "$SHOP_TEST_POSTGRES_URL" ES256
measure postgres-es256 bench/auth/token.lua "http://127.0.0.1:$auth_port"

python3 bench/auth/report.py "$work/results.jsonl" "$idle_rss" "$loaded_rss" "$duration" \
  "$connections" "$threads"
