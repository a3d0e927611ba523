"""Turns bench/gateway/run.sh measurements into the Markdown table of docs/benchmarks.md.

Each proxy ran several rounds; it is reported by its median round (by
requests/s), with the spread of the rounds.
"""
import json
import sys
from statistics import median

results_file, gateway_rss, duration, connections, threads, rounds = sys.argv[1:7]
runs = {}
with open(results_file) as lines:
    for line in lines:
        record = json.loads(line)
        runs.setdefault(record["name"], []).append(record["result"])


def middle(name):
    ordered = sorted(runs[name], key=lambda run: run["requests_per_second"])
    return ordered[len(ordered) // 2]


direct = middle("catalog-direct")
nginx = middle("nginx-proxy")
print(f"wrk -t{threads} -c{connections} -d{duration}, same machine, same run; "
      f"{rounds} rounds per proxy in alternating order, median round shown\n")
print("| measurement | requests/s | p50 ms | p99 ms | errors | vs nginx proxy | added p99 ms | rounds (requests/s) |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for name in runs:
    result = middle(name)
    ratio = result["requests_per_second"] / nginx["requests_per_second"]
    added = result["p99_ms"] - direct["p99_ms"]
    spread = ", ".join(f"{run['requests_per_second']:.0f}" for run in runs[name])
    print(f"| {name} | {result['requests_per_second']:.0f} | {result['p50_ms']:.2f} | "
          f"{result['p99_ms']:.2f} | {result['errors']} | {ratio:.0%} | {added:+.2f} | {spread} |")
print()
print(f"- gateway RSS after the run: {int(gateway_rss) / 1024:.1f} MiB")
