#!/usr/bin/env bash
# Builds the container image of every service (shop/<service>:latest) from
# the host's release build, with deploy/docker/Dockerfile:
#   scripts/build-images.sh [ENGINE_DIR]
# Uses the engine named by DOCKER_HOST, or starts a private one in
# ENGINE_DIR (default /tmp/shop-docker; scripts/docker-engine.sh). With no
# registry to pull from, the base image debian:bookworm-slim is made here
# from Debian's packages (debootstrap) when the engine does not have it.
# Also builds the infrastructure images from Debian packages
# (deploy/docker/infra: shop/postgres:15, shop/redis:7, shop/nats:2,
# shop/s3:latest). Prints each image's size, as stored and as shipped (gzip), to
# build/images/sizes.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true

# Debian's client (20.10) builds without buildx; a newer one first on
# PATH may not (MACHINE-NOTES).
docker=docker
[[ -x /usr/bin/docker ]] && docker=/usr/bin/docker
if [[ -z ${DOCKER_HOST:-} ]]; then
  engine=${1:-/tmp/shop-docker}
  scripts/docker-engine.sh start "$engine"
  export DOCKER_HOST=unix://$(cd "$engine" && pwd)/docker.sock
fi
export DOCKER_BUILDKIT=0

services=(auth catalog customers payments orders cart search images recommendations gateway)
declare -A ports=([auth]=8082 [catalog]=8081 [customers]=8083 [payments]=8085 [orders]=8084
  [cart]=8086 [search]=8087 [images]=8088 [recommendations]=8089 [gateway]=8080)

cmake --preset release >/dev/null
cmake --build --preset release --target "${services[@]/%/_server}" shop-healthcheck
scripts/build-web.sh

if ! "$docker" image inspect debian:bookworm-slim >/dev/null 2>&1; then
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian
  # What Debian's own slim image leaves out.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*
  tar -C "$rootfs" -c . | "$docker" import - debian:bookworm-slim
fi

# The Debian packages a binary's shared libraries come from, less what the
# base image has already.
owner_of() { # dpkg knows a library by the path it shipped it at: /lib or /usr/lib
  dpkg -S "$1" 2>/dev/null || dpkg -S "$(realpath "$1")" 2>/dev/null ||
    dpkg -S "/usr${1#/usr}" 2>/dev/null || dpkg -S "${1#/usr}" 2>/dev/null ||
    { echo "build-images: no package ships $1" >&2; return 1; }
}
runtime_packages() {
  ldd "$1" | awk '$3 ~ /^\// {print $3}' | while read -r library; do owner_of "$library"; done |
    cut -d: -f1 | sort -u |
    grep -v -x -e libc6 -e libgcc-s1 -e libstdc++6 -e zlib1g -e libzstd1 -e liblzma5 \
      -e libbz2-1.0 -e libselinux1 -e libpcre2-8-0 -e libcrypt1 -e libgmp10 | tr '\n' ' '
}

mkdir -p build/images
printf 'image\tbytes\tgzip_bytes\n' >build/images/sizes.tsv
for service in "${services[@]}"; do
  context=build/images/$service
  rm -rf "$context"
  mkdir -p "$context/bin" "$context/share"
  binary=build/release/services/$service/$service
  objcopy --strip-debug "$binary" "$context/bin/shop-service"
  ln -s shop-service "$context/bin/$service"
  objcopy --strip-debug build/release/tools/healthcheck/shop-healthcheck "$context/bin/shop-healthcheck"
  if [[ $service == gateway ]]; then cp -r web/dist "$context/share/web"; fi
  modules=""  # what the binary loads with dlopen: libvips' AVIF/HEIF codec
  if [[ $service == images ]]; then modules=$(echo /usr/lib/x86_64-linux-gnu/vips-modules-*/vips-heif.so); fi
  "$docker" build --network host -q -f deploy/docker/Dockerfile \
    --build-arg "PACKAGES=$(runtime_packages "$binary")" --build-arg "MODULES=$modules" \
    --build-arg "SERVICE=$service" --build-arg "PORT=${ports[$service]}" \
    -t "shop/$service:latest" "$context" >/dev/null
  bytes=$("$docker" image inspect --format '{{.Size}}' "shop/$service:latest")
  shipped=$("$docker" save "shop/$service:latest" | gzip -1 | wc -c)
  printf '%s\t%s\t%s\n' "shop/$service" "$bytes" "$shipped" | tee -a build/images/sizes.tsv
done

# The infrastructure, from Debian's packages; s3rver as the object-store
# tests install it (npm ci, the version they pin), for the S3 image only.
context=build/images/infra
npm ci --prefix platform/tests/storage/s3 --no-audit --no-fund --loglevel=error
for kind in postgres:15 redis:7 nats:2 s3:latest; do
  rm -rf "$context"
  mkdir -p "$context/s3" "$context/bin"
  cp deploy/docker/infra/entrypoint.sh "$context/"
  objcopy --strip-debug build/release/tools/healthcheck/shop-healthcheck "$context/bin/shop-healthcheck"
  if [[ $kind == s3:latest ]]; then
    cp -r platform/tests/storage/s3/package.json platform/tests/storage/s3/node_modules "$context/s3/"
  fi
  "$docker" build --network host -q -f deploy/docker/infra/Dockerfile --build-arg "KIND=${kind%%:*}" \
    -t "shop/$kind" "$context" >/dev/null
  echo "shop/$kind built"
done
