#!/usr/bin/env bash
# Image sizes and idle memory of the distributed shop in docker-compose
# (issue 10):
#   bench/containers/idle-memory.sh [ENGINE_DIR]     # default /tmp/shop-docker
# Builds every image (scripts/build-images.sh: sizes in
# build/images/sizes.tsv), starts deploy/compose.yaml with real PostgreSQL,
# Redis, NATS and S3, waits until every container is healthy and then
# IDLE_SECONDS (default 30) more, and reads, for each of our service
# containers (not the stores or the broker), its process's VmRSS and PSS
# and what its cgroup is charged (docker stats). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/compose-stack.sh
source scripts/compose-stack.sh "${1:-/tmp/shop-docker}" shop-idle-memory
stack_up
sleep "${IDLE_SECONDS:-30}"

kib() { awk -v field="$2:" '$1 == field {print $2}' "$1"; }
mib() { awk -v kib="$1" 'BEGIN {printf "%.1f", kib / 1024}'; }
printf '| container | VmRSS MiB | PSS MiB | cgroup (docker stats) |\n|---|---:|---:|---:|\n'
total_rss=0 total_pss=0
for service in auth catalog-1 catalog-2 customers payments orders cart search-1 search-2 images \
  recommendations gateway; do
  container=$("${compose[@]}" ps -q "$service")
  pid=$("$docker" inspect --format '{{.State.Pid}}' "$container")
  rss=$(kib "/proc/$pid/status" VmRSS)
  pss=$(kib "/proc/$pid/smaps_rollup" Pss)
  charged=$("$docker" stats --no-stream --format '{{.MemUsage}}' "$container" | cut -d/ -f1)
  total_rss=$((total_rss + rss)) total_pss=$((total_pss + pss))
  printf '| %s | %s | %s | %s |\n' "$service" "$(mib "$rss")" "$(mib "$pss")" "$charged"
done
printf '| all twelve | %s | %s | |\n' "$(mib "$total_rss")" "$(mib "$total_pss")"
