#!/usr/bin/env bash
# Runs a command with real PostgreSQL, Redis and NATS JetStream started for it
# (scripts/test-infra.sh) and stops them afterwards, whatever happens.
#   scripts/with-test-infra.sh ctest --preset release
set -euo pipefail
here=$(dirname "$0")
dir=$(mktemp -d -p "${TMPDIR:-/tmp}")
chmod 755 "$dir"
cleanup() {
  "$here/test-infra.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$here/test-infra.sh" start "$dir"
# shellcheck disable=SC1091
source "$dir/env"
status=0
"$@" || status=$?
exit "$status"
