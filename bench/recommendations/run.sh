#!/usr/bin/env bash
# Recommendations benchmark: training time on movielens-small (every rating
# a purchase), the memory the trained models hold, and requests/s and p99
# of the three answers against nginx serving an answer of the same size
# from disk, same machine, same run.
#
#   bench/recommendations/run.sh                 # 20 s per measurement
#   DURATION=10s RUNS=3 bench/recommendations/run.sh
#   RATINGS=path/to/u.data bench/recommendations/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
runs=${RUNS:-5}
ratings=${RATINGS:-../shared/data/movielens-small/ratings.csv}
source bench/lib/common.sh

cmake --build --preset release --target recommendations_bench >/dev/null
tool=build/release/bench/recommendations_bench

mkdir -p "$work/data"
"$tool" seed "$work/data" "$ratings"
"$tool" train "$work/data" "$runs" > "$work/train.json"

port=$(free_port)
"$tool" serve "$work/data" "$port" &
pids+=($!)
server_pid=${pids[-1]}
base="http://127.0.0.1:$port"
# Ready once the first training is done: up to a minute on this log.
for _ in $(seq 1 600); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
wait_http "$base/readyz"
ready_rss=$(rss_kib "$server_pid")
token=$(cat "$work/data/token")

sed 's|^|/v1/recommendations/users/|; s|$|?limit=10|' "$work/data/users.txt" > "$work/users.txt"
sed 's|^|/v1/recommendations/products/|; s|$|/similar?limit=10|' "$work/data/products.txt" |
  shuf --random-source=<(yes) -n 2000 > "$work/similar.txt"
echo "/v1/recommendations/popular?limit=10" > "$work/popular.txt"

# The reference: one answer's bytes as a static file.
mkdir -p "$work/static"
curl -fs -H "Authorization: Bearer $token" "$base$(head -n 1 "$work/users.txt")" \
  > "$work/static/answer.json"
nginx_port=$(free_port)
start_nginx "$nginx_port" "$work/static"
wait_http "http://127.0.0.1:$nginx_port/answer.json"
echo "/answer.json" > "$work/nginx.txt"

threads=1
measure_paths nginx "$work/nginx.txt" "http://127.0.0.1:$nginx_port"
# wrk.format sends wrk's headers, -H included.
PATHS_FILE="$work/users.txt" wrk -t"$threads" -c"$connections" -d"$duration" \
  -H "Authorization: Bearer $token" -s bench/catalog/paths.lua "$base" | tail -n 1 |
  sed 's/^/{"name":"users","result":/; s/$/}/' >> "$work/results.jsonl"
measure_paths similar "$work/similar.txt" "$base"
measure_paths popular "$work/popular.txt" "$base"
serving_rss=$(rss_kib "$server_pid")

python3 bench/recommendations/report.py "$work" "$ready_rss" "$serving_rss" "$duration" \
  "$connections" "$runs" "$(wc -c < "$work/static/answer.json")"
