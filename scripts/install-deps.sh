#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 packages.
# This is the single list of the project's system packages; keep it sorted.
set -euo pipefail

packages=(
  build-essential
  ccache
  chromium
  clang
  clang-format
  clang-tidy
  cmake
  curl
  debootstrap
  dnsmasq-base
  docker-compose
  docker.io
  fonts-dejavu-core
  git
  googletest
  libbenchmark-dev
  libboost-json1.81-dev
  libboost-url1.81-dev
  libargon2-dev
  libboost1.81-dev
  libclang-rt-14-dev
  libeigen3-dev
  libgmock-dev
  libgtest-dev
  libhiredis-dev
  libnats-dev
  libpq-dev
  libsqlite3-dev
  libssl-dev
  libvips-dev
  libxapian-dev
  lld
  nats-server
  nginx-light
  ninja-build
  pkg-config
  postgresql-15
  procps
  prometheus
  python3
  redis-server
  wrk
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# Node.js runs the client-library conformance tests and builds the web app.
# Machines that already have a Node.js (from Debian or elsewhere) keep it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

# kubectl renders the Kubernetes overlays (kubectl kustomize) for their
# offline checks. Machines that have one keep it; Debian's (1.20) is enough.
if ! command -v kubectl >/dev/null; then
  missing+=(kubernetes-client)
fi

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_prefix=()
if [[ $(id -u) -ne 0 ]]; then sudo_prefix=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_prefix[@]}" apt-get update -qq
"${sudo_prefix[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
