# Sourced by scripts that run deploy/compose.yaml on a private Docker
# engine (scripts/compose-test.sh, bench/containers/idle-memory.sh):
#   source scripts/compose-stack.sh ENGINE_DIR PROJECT
#   stack_up        # engine started, images built, every container healthy
#   "${compose[@]}" ps; "$docker" ...
# The stack and the engine are removed when the sourcing script exits.
stack_engine=$1
stack_project=$2
compose=(docker-compose -f deploy/compose.yaml -p "$stack_project")
docker=docker
[[ -x /usr/bin/docker ]] && docker=/usr/bin/docker

stack_down() {
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  scripts/docker-engine.sh stop "$stack_engine"
}

stack_up() {
  scripts/docker-engine.sh start "$stack_engine"
  DOCKER_HOST=unix://$(cd "$stack_engine" && pwd)/docker.sock
  export DOCKER_HOST
  trap stack_down EXIT
  scripts/build-images.sh
  # A service that is still migrating when compose stops waiting makes
  # `up` fail: it is run again until every container is healthy, for 3
  # minutes.
  local deadline=$((SECONDS + 180))
  until "${compose[@]}" up -d >/dev/null 2>&1 &&
    [[ $("${compose[@]}" ps | grep -c -e 'Up (healthy)') -eq $("${compose[@]}" ps -q | wc -l) ]]; do
    if ((SECONDS > deadline)); then
      "${compose[@]}" ps
      "${compose[@]}" logs --tail 20
      echo "compose-stack: the stack did not become healthy" >&2
      return 1
    fi
    sleep 3
  done
  until curl -fsS http://127.0.0.1:8080/readyz >/dev/null; do
    ((SECONDS < deadline)) || { echo "compose-stack: the gateway is not ready" >&2; return 1; }
    sleep 1
  done
}
