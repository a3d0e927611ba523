# Shared by the bench/*/run.sh scenarios (sourced, not run). Each scenario
# keeps its processes in the `pids` array and its files in `$work`; cleanup
# stops them by PID and removes the directory.

work=$(mktemp -d)
chmod 755 "$work"  # the postgres user must reach its data directory
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -f "$work/infra/env" ]]; then scripts/test-infra.sh stop "$work/infra" >/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 200); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.05; done; echo "not ready: $1" >&2; return 1; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# run_nginx HTTP_BLOCK: nginx with two workers, no logs and temporary
# files under $work, running the given server and upstream directives.
run_nginx() {
  mkdir -p "$work/nginx"
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
$1
}
CONF
  nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
}

# start_nginx PORT ROOT: nginx serving ROOT's files from memory, the
# machine's practical HTTP ceiling and the reference of every scenario.
start_nginx() {
  run_nginx "  open_file_cache max=100;
  server {
    listen 127.0.0.1:$1;
    root $2;
    default_type application/json;
  }"
}

# measure_paths NAME PATHS_FILE BASE_URL: a measure of the paths listed in
# the file (one per line), asked in turn (bench/catalog/paths.lua).
measure_paths() {
  PATHS_FILE=$2 measure "$1" bench/catalog/paths.lua "$3"
}

# measure NAME SCRIPT URL: one wrk run (duration, connections and threads from
# the caller's variables) whose summary line joins $work/results.jsonl.
measure() {
  wrk -t"$threads" -c"$connections" -d"$duration" -s "$2" "$3" | tail -n 1 |
    sed "s/^/{\"name\":\"$1\",\"result\":/; s/$/}/" >> "$work/results.jsonl"
}
