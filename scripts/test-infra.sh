#!/usr/bin/env bash
# Real infrastructure for tests, on 127.0.0.1 only, in a private directory:
#
#   scripts/test-infra.sh start DIR [--only postgres,redis,nats]
#   scripts/test-infra.sh stop DIR
#
# start picks free ports, starts PostgreSQL 15, Redis 7 and NATS with
# JetStream, waits until each answers, and writes DIR/env with
# SHOP_TEST_POSTGRES_URL, SHOP_TEST_REDIS_URL, SHOP_TEST_NATS_URL and
# SHOP_TEST_NATS_MONITOR_URL. stop stops each server by the PID it recorded.
set -euo pipefail

usage() { echo "usage: $0 start DIR [--only postgres,redis,nats] | stop DIR" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
action=$1
dir=$(realpath -m "$2")
shift 2
only="postgres,redis,nats"
if [[ ${1:-} == --only ]]; then only=$2; fi

pg_bin=/usr/lib/postgresql/15/bin
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wants() { [[ ",$only," == *",$1,"* ]]; }
fail() { echo "test-infra: $1" >&2; [[ -f ${2:-} ]] && tail -n 30 "$2" >&2; exit 1; }

wait_until() {  # wait_until DESCRIPTION LOG COMMAND...
  local description=$1 log=$2
  shift 2
  for _ in $(seq 1 300); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.05
  done
  fail "$description did not become ready" "$log"
}

start_postgres() {
  local port data=$dir/postgres
  port=$(free_port)
  mkdir -p "$data"
  # initdb refuses to run as root; the postgres user owns the data instead.
  chown -R postgres:postgres "$data"
  runuser -u postgres -- "$pg_bin/initdb" -D "$data/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 || fail "initdb failed" "$data/initdb.log"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 30 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_preload_libraries=pg_stat_statements" \
    start >/dev/null || fail "PostgreSQL did not start" "$data/server.log"
  head -n 1 "$data/data/postmaster.pid" >"$dir/postgres.pid"
  echo "export SHOP_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/postgres" >>"$dir/env"
}

start_redis() {
  local port
  port=$(free_port)
  mkdir -p "$dir/redis"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --dir "$dir/redis" >"$dir/redis/server.log" 2>&1 &
  echo $! >"$dir/redis.pid"
  wait_until "Redis" "$dir/redis/server.log" redis-cli -h 127.0.0.1 -p "$port" ping
  echo "export SHOP_TEST_REDIS_URL=redis://127.0.0.1:$port" >>"$dir/env"
}

start_nats() {
  local port monitor
  port=$(free_port)
  monitor=$(free_port)
  mkdir -p "$dir/nats"
  nats-server -a 127.0.0.1 -p "$port" -m "$monitor" -js -sd "$dir/nats" >"$dir/nats/server.log" 2>&1 &
  echo $! >"$dir/nats.pid"
  wait_until "NATS" "$dir/nats/server.log" curl -fs "http://127.0.0.1:$monitor/healthz?js-enabled-only=true"
  {
    echo "export SHOP_TEST_NATS_URL=nats://127.0.0.1:$port"
    echo "export SHOP_TEST_NATS_MONITOR_URL=http://127.0.0.1:$monitor"
  } >>"$dir/env"
}

stop_pid_file() {  # stop_pid_file FILE: SIGTERM, then SIGKILL after 10 s
  local file=$1 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case $action in
  start)
    mkdir -p "$dir"
    : >"$dir/env"
    wants postgres && start_postgres
    wants redis && start_redis
    wants nats && start_nats
    echo "test-infra: started ($only) in $dir"
    ;;
  stop)
    if [[ -f $dir/postgres.pid ]]; then
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres/data" -m fast -w stop >/dev/null 2>&1 ||
        stop_pid_file "$dir/postgres.pid"
      rm -f "$dir/postgres.pid"
    fi
    stop_pid_file "$dir/redis.pid"
    stop_pid_file "$dir/nats.pid"
    ;;
  *) usage ;;
esac
