#!/usr/bin/env bash
# README command two (and what CI runs): installs what is missing, builds,
# starts real PostgreSQL, Redis and NATS JetStream on loopback, and runs every
# test: the web app's unit tests, the Kubernetes manifests' offline checks,
# the optimised build, the storefront in Chromium against it, the alert
# rules and the metrics they use, the images and the docker-compose stack
# (the checkout scenario again through the gateway), the same C++ tests
# under ASan+UBSan and under ThreadSanitizer, then the fuzzers for a
# bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
# Share compiled objects between clones (CI builds a fresh clone every time).
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true

jobs=$(nproc)
scripts/install-deps.sh

section() { printf '\n==== %s ====\n' "$*"; }

section "test tooling (npm ci)"
# The OpenID conformance test drives the auth service with openid-client and jose.
npm ci --prefix services/auth/tests/oidc --no-audit --no-fund --loglevel=error
# The object-store tests run s3rver and check the signer against the AWS SDK's.
npm ci --prefix platform/tests/storage/s3 --no-audit --no-fund --loglevel=error

section "web app: types, unit and component tests (Vitest), build"
scripts/build-web.sh
(cd web && npx prettier --check . && npx tsc --noEmit && npx vitest run)

section "Kubernetes manifests: rendered and checked offline"
npm ci --prefix deploy/k8s/check --no-audit --no-fund --loglevel=error
(cd deploy/k8s/check && node --test)

section "build (release)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"

section "tests (release) against real infrastructure"
scripts/with-test-infra.sh env SHOP_TEST_REQUIRE_INFRA=1 \
  ctest --preset release -j "$jobs" --timeout 300

section "web end-to-end: Chromium against the release shop"
# Screenshots of every step (desktop and 375 px) and the performance budget
# are left in web/e2e/artifacts/.
rm -rf web/e2e/artifacts
(cd web && npm run --silent e2e)

section "observability: alert rules tested, metrics checked against the release shop"
npm ci --prefix deploy/observability --no-audit --no-fund --loglevel=error
(cd deploy/observability && node --test)

section "docker-compose: every image built, the checkout scenario through the gateway, one catalog replica killed"
# Built from the release executables above on a private Docker engine.
scripts/compose-test.sh

section "build (asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"

section "tests (asan) against real infrastructure"
scripts/with-test-infra.sh env SHOP_TEST_REQUIRE_INFRA=1 \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset asan -j "$jobs" --timeout 600

section "build (tsan)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"

section "tests (tsan) against real infrastructure"
# libvips hands buffers between its worker threads through GLib locks built
# on raw futexes, which ThreadSanitizer cannot see, so every memcpy its
# codecs make looks like a race. ignore_noninstrumented_modules drops what
# libc interceptors see when called from libraries not built with TSan;
# every access made by our own code is still checked.
scripts/with-test-infra.sh env SHOP_TEST_REQUIRE_INFRA=1 \
  TSAN_OPTIONS="second_deadlock_stack=1 ignore_noninstrumented_modules=1" \
  ctest --preset tsan -j "$jobs" --timeout 600

if [[ -x scripts/fuzz.sh ]]; then
  section "fuzzing (bounded)"
  scripts/fuzz.sh
fi
