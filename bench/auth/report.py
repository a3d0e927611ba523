"""Turns bench/auth/run.sh measurements into the Markdown table of docs/benchmarks.md."""
import json
import sys

results_file, idle_rss, loaded_rss, duration, connections, threads = sys.argv[1:7]
results = {}
with open(results_file) as lines:
    for line in lines:
        record = json.loads(line)
        results[record["name"]] = record["result"]

reference = results["nginx-static"]["requests_per_second"]
print(f"wrk -t{threads} -c{connections} -d{duration}, same machine, same run\n")
print("| measurement | requests/s | p50 ms | p99 ms | errors | vs nginx |")
print("|---|---:|---:|---:|---:|---:|")
for name, result in results.items():
    ratio = result["requests_per_second"] / reference
    print(f"| {name} | {result['requests_per_second']:.0f} | {result['p50_ms']:.2f} | "
          f"{result['p99_ms']:.2f} | {result['errors']} | {ratio:.1%} |")
print()
print(f"- auth process RSS idle: {int(idle_rss) / 1024:.1f} MiB, "
      f"after the SQLite RS256 run: {int(loaded_rss) / 1024:.1f} MiB")
