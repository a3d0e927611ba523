"""Turns bench/gateway/run.sh measurements into the Markdown table of docs/benchmarks.md."""
import json
import sys

results_file, gateway_rss, duration, connections, threads = sys.argv[1:6]
results = {}
with open(results_file) as lines:
    for line in lines:
        record = json.loads(line)
        results[record["name"]] = record["result"]

direct = results["catalog-direct"]
nginx = results["nginx-proxy"]
print(f"wrk -t{threads} -c{connections} -d{duration}, same machine, same run\n")
print("| measurement | requests/s | p50 ms | p99 ms | errors | vs nginx proxy | added p99 ms |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, result in results.items():
    ratio = result["requests_per_second"] / nginx["requests_per_second"]
    added = result["p99_ms"] - direct["p99_ms"]
    print(f"| {name} | {result['requests_per_second']:.0f} | {result['p50_ms']:.2f} | "
          f"{result['p99_ms']:.2f} | {result['errors']} | {ratio:.0%} | {added:+.2f} |")
print()
print(f"- gateway RSS after the run: {int(gateway_rss) / 1024:.1f} MiB")
