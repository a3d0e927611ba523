#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS
# (default 60) from its seed corpus. A finding fails the run and leaves the
# crashing input in build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=(http_request catalog_input auth_input images_input recommendations_input)
cmake --preset fuzz >/dev/null
# Only the fuzzers and what they link: the services' executables are built
# (and tested) by the other presets.
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
mkdir -p build/fuzz/findings
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  cp -n fuzz/corpus/$target/* "$corpus"/ 2>/dev/null || true
  echo "fuzzing $target for ${seconds}s"
  build/fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix=build/fuzz/findings/"$target"- -print_final_stats=1 "$corpus"
done
echo "fuzzing: no findings"
