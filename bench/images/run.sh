#!/usr/bin/env bash
# Images benchmark: upload and variant times for a 12 MP JPEG; requests/s of
# a cached variant against nginx serving the same file from disk, same
# machine, same run, with one and with two wrk threads; peak memory of the
# service while it renders many new variants at once, for several render
# limits.
#
#   bench/images/run.sh                 # 20 s per measurement
#   DURATION=10s RUNS=5 bench/images/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
runs=${RUNS:-10}
source bench/lib/common.sh

cmake --build --preset release --target images_server images_bench >/dev/null
tool=build/release/bench/images_bench
server=build/release/services/images/images

"$tool" photo "$work/photo.jpg"
"$tool" render "$work/photo.jpg" "$runs" > "$work/render.json"
mkdir -p "$work/data"
"$tool" seed "$work/data" "$work/photo.jpg" > "$work/seed.json"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/seed.json")
variant=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["variant"])' "$work/seed.json")

images_port=$(free_port)
start_images() {  # start_images CACHE_BYTES MAX_RENDERS
  IMAGES_PORT=$images_port IMAGES_DATABASE_URL="sqlite:$work/data/images.db" \
    IMAGES_STORE="file:$work/data/store" IMAGES_CACHE_BYTES=$1 IMAGES_MAX_CONCURRENT_RENDERS=$2 \
    IMAGES_ACCESS_LOG=false LOG_LEVEL=warn "$server" &
  pids+=($!)
  images_pid=${pids[-1]}
  wait_http "http://127.0.0.1:$images_port/healthz"
}
stop_images() { kill "$images_pid"; wait "$images_pid" 2>/dev/null || true; }

# --- a cached variant: the service against nginx, the same bytes -------------
nginx_port=$(free_port)
start_nginx "$nginx_port" "$work/data/store"
wait_http "http://127.0.0.1:$nginx_port/$variant"
echo "/$variant" > "$work/nginx-paths.txt"
echo "/v1/images/$id?preset=card&format=webp" > "$work/images-paths.txt"

start_images $((64 << 20)) 2
curl -fs "http://127.0.0.1:$images_port/v1/images/$id?preset=card&format=webp" > /dev/null
idle_rss=$(rss_kib "$images_pid")
# Client and servers share the two cores: with two wrk threads the client
# takes about as much CPU as it leaves, with one it leaves the servers a
# core. Both are measured.
for wrk_threads in 1 2; do
  threads=$wrk_threads
  measure_paths "nginx-t$wrk_threads" "$work/nginx-paths.txt" "http://127.0.0.1:$nginx_port"
  measure_paths "images-memory-t$wrk_threads" "$work/images-paths.txt" \
    "http://127.0.0.1:$images_port"
done
stop_images
# Every request read from the object store (the filesystem here).
start_images 0 2
threads=1
measure_paths images-store-t1 "$work/images-paths.txt" "http://127.0.0.1:$images_port"
stop_images

# --- rendering many new variants at once ----------------------------------------
python3 - "$id" > "$work/variants.txt" <<'PY'
import sys
image = sys.argv[1]
widths = [64, 128, 160, 240, 320, 480, 640, 800, 960, 1280, 1600, 1920]
for width in widths:
    for fmt in ("jpeg", "webp"):
        for quality in (70, 80):
            print(f"/v1/images/{image}?w={width}&format={fmt}&q={quality}")
PY
: > "$work/renders.jsonl"
for limit in 1 2 4; do
  rm -rf "$work/data/store/variants"
  start_images 0 "$limit"
  before=$(rss_kib "$images_pid")
  started=$(date +%s.%N)
  # 48 new variants, 32 requests at a time.
  failures=$(xargs -P 32 -I{} curl -s -o /dev/null -w "%{http_code}\n" "http://127.0.0.1:$images_port{}" \
    < "$work/variants.txt" | grep -vc '^200$' || true)
  finished=$(date +%s.%N)
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$images_pid/status")
  echo "{\"limit\":$limit,\"idle_kib\":$before,\"peak_kib\":$peak,\"started\":$started,\"finished\":$finished,\"failures\":$failures}" >> "$work/renders.jsonl"
  stop_images
done

python3 bench/images/report.py "$work" "$idle_rss" "$duration" "$connections" "$runs"
