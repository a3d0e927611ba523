#!/usr/bin/env bash
# Builds the web app (web/: React + TypeScript + Vite) into web/dist, which
# the gateway serves. npm ci installs exactly what web/package-lock.json
# pins; a build whose inputs have not changed since the last one is kept.
set -euo pipefail
cd "$(dirname "$0")/../web"

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
stamp=dist/.built-from
inputs=$(find index.html package-lock.json vite.config.ts tsconfig.json src public build -type f \
  -not -name '*.test.*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$inputs" ]]; then
  echo "build-web: web/dist is up to date"
  exit 0
fi
npm run --silent build
echo "$inputs" >"$stamp"
