"""Turns bench/recommendations/run.sh measurements into the Markdown of docs/benchmarks.md."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from wrk_results import wrk_results  # noqa: E402

work, ready_rss, serving_rss, duration, connections, runs, answer_bytes = sys.argv[1:8]
results = wrk_results(work)
train = json.load(open(f"{work}/train.json"))

print(f"Training on {train['interactions']:,} interactions (EASE, implicit ALS, popularity), "
      f"{runs} runs: median {train['median_s']:.1f} s, worst {train['worst_s']:.1f} s; "
      f"the trained models hold {train['model_kib'] / 1024:.0f} MiB, "
      f"{train['peak_kib'] / 1024:.0f} MiB peak for the process while training.\n")
print(f"The service with its models loaded: {int(ready_rss) / 1024:.0f} MiB resident "
      f"once ready, {int(serving_rss) / 1024:.0f} MiB after the load.\n")
print(f"wrk -t1 -c{connections} -d{duration}, same machine, same run; answers of 10 items "
      f"({answer_bytes} bytes for the reference)\n")
print("| request | requests/s | p50 ms | p99 ms | errors | vs nginx |")
print("|---|---:|---:|---:|---:|---:|")
reference = results["nginx"]["requests_per_second"]
for name, label in [("users", "users/{id}: EASE over the history, rules, facts from SQLite"),
                    ("similar", "products/{id}/similar"),
                    ("popular", "popular"),
                    ("nginx", "nginx, one answer as a file (open_file_cache)")]:
    result = results[name]
    print(f"| {label} | {result['requests_per_second']:.0f} | {result['p50_ms']:.2f} | "
          f"{result['p99_ms']:.2f} | {result['errors']} | "
          f"{100 * result['requests_per_second'] / reference:.0f}% |")
