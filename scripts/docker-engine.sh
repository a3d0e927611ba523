#!/usr/bin/env bash
# A private Docker engine for the project's image builds and compose runs:
#   scripts/docker-engine.sh start DIR   # then DOCKER_HOST=unix://DIR/docker.sock
#   scripts/docker-engine.sh stop DIR
# It touches no iptables rules and makes no bridge routes of its own
# (MACHINE-NOTES: builds use --network host to reach Debian's mirror).
set -euo pipefail
command=${1:?start or stop}
directory=${2:?the directory of the engine}
mkdir -p "$directory"
directory=$(cd "$directory" && pwd)

case "$command" in
  start)
    if [[ -S $directory/docker.sock ]] && DOCKER_HOST=unix://$directory/docker.sock docker info >/dev/null 2>&1; then
      exit 0
    fi
    dockerd --data-root "$directory/root" --exec-root "$directory/exec" \
      -H "unix://$directory/docker.sock" --pidfile "$directory/docker.pid" \
      --iptables=false --ip-forward=false --ip-masq=false >"$directory/dockerd.log" 2>&1 &
    for _ in $(seq 1 100); do
      if DOCKER_HOST=unix://$directory/docker.sock docker info >/dev/null 2>&1; then exit 0; fi
      sleep 0.1
    done
    echo "docker-engine: dockerd did not start; see $directory/dockerd.log" >&2
    exit 1
    ;;
  stop)
    if [[ -f $directory/docker.pid ]]; then
      pid=$(cat "$directory/docker.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || exit 0
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
