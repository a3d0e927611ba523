#!/usr/bin/env bash
# Search benchmark: the search service against PostgreSQL full-text search
# (tsvector + GIN) on the same products (100,000 generated and the 3,291 of
# the Best Buy catalog) and the same queries (generated ones and the judged
# Best Buy ones, in turn), same machine, same run; nginx serving a search
# answer from memory is the machine's HTTP ceiling. Reports index build
# time and size, requests/s and latency at 32 connections, memory.
#
#   bench/search/run.sh                    # 100,000 products, 20 s per measurement
#   PRODUCTS=20000 DURATION=10s bench/search/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

products=${PRODUCTS:-100000}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
source bench/lib/common.sh

cmake --build --preset release --target search_server search_bench >/dev/null
tool=build/release/bench/search_bench

"$tool" generate "$work/products.jsonl" "$products" > "$work/generated.json"
"$tool" queries "$work/queries.txt" 300
python3 - "$work" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
queries = [line.rstrip("\n") for line in open(f"{work}/queries.txt") if line.strip()]
with open(f"{work}/search-paths.txt", "w") as out:
    for query in queries:
        out.write("/v1/search?limit=20&q=" + urllib.parse.quote(query) + "\n")
with open(f"{work}/suggest-paths.txt", "w") as out:
    for query in queries:
        # What the box holds while the last word is half typed.
        typed = query[: max(2, len(query) - 2)]
        out.write("/v1/search/suggest?q=" + urllib.parse.quote(typed) + "\n")
PY

# --- the search service ------------------------------------------------------
"$tool" build-index "$work/index" "$work/products.jsonl" > "$work/index.json"
search_port=$(free_port)
start_search() {  # start_search CACHE_TTL_MS: the service on the built index
  SEARCH_PORT=$search_port SEARCH_INDEX_DIR=$work/index SEARCH_REINDEX_WHEN_BEHIND=false \
    SEARCH_CACHE_TTL_MS=$1 SEARCH_ACCESS_LOG=false LOG_LEVEL=warn build/release/services/search/search &
  pids+=($!)
  search_pid=${pids[-1]}
  wait_http "http://127.0.0.1:$search_port/healthz"
}
start_search 0
sleep 1
search_idle_rss=$(rss_kib "$search_pid")

# --- PostgreSQL full-text search -----------------------------------------------
scripts/test-infra.sh start "$work/infra" --only postgres >/dev/null
# shellcheck disable=SC1091
source "$work/infra/env"
"$tool" load-postgres "$SHOP_TEST_POSTGRES_URL" "$work/products.jsonl" > "$work/postgres.json"
postgres_port=$(free_port)
"$tool" serve-postgres "$postgres_port" "$SHOP_TEST_POSTGRES_URL" &
pids+=($!)
postgres_pid=${pids[-1]}
wait_http "http://127.0.0.1:$postgres_port/v1/search?q=lamp"

# --- nginx: a real answer of the search service, from memory ---------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/root"
curl -fs "http://127.0.0.1:$search_port/v1/search?limit=20&q=desk%20lamp" > "$work/nginx/root/search.json"
echo /search.json > "$work/nginx-paths.txt"
start_nginx "$nginx_port" "$work/nginx/root"
wait_http "http://127.0.0.1:$nginx_port/search.json"

# Every query once before measuring: page caches warm on both sides alike.
while read -r path; do
  curl -fs "http://127.0.0.1:$search_port$path" > /dev/null
  curl -fs "http://127.0.0.1:$postgres_port$path" > /dev/null
done < "$work/search-paths.txt"

measure_paths nginx "$work/nginx-paths.txt" "http://127.0.0.1:$nginx_port"
measure_paths postgres "$work/search-paths.txt" "http://127.0.0.1:$postgres_port"
# Every search from the index: the engine itself.
measure_paths search-uncached "$work/search-paths.txt" "http://127.0.0.1:$search_port"
measure_paths suggest-uncached "$work/suggest-paths.txt" "http://127.0.0.1:$search_port"
# One shopper typing: what a key press waits for.
saved_connections=$connections saved_threads=$threads
connections=1 threads=1
measure_paths suggest-one-shopper "$work/suggest-paths.txt" "http://127.0.0.1:$search_port"
connections=$saved_connections threads=$saved_threads
search_loaded_rss=$(rss_kib "$search_pid")
# As the service runs by default: an answer is served again until the index changes.
kill "$search_pid"
wait "$search_pid" 2>/dev/null || true
start_search 60000
# Each answer once, as a shop's traffic would have asked for it before.
while read -r path; do curl -fs "http://127.0.0.1:$search_port$path" > /dev/null; done \
  < "$work/search-paths.txt"
while read -r path; do curl -fs "http://127.0.0.1:$search_port$path" > /dev/null; done \
  < "$work/suggest-paths.txt"
measure_paths search "$work/search-paths.txt" "http://127.0.0.1:$search_port"
measure_paths suggest "$work/suggest-paths.txt" "http://127.0.0.1:$search_port"

python3 bench/search/report.py "$work" "$search_idle_rss" "$search_loaded_rss" \
  "$duration" "$connections" "$threads"
