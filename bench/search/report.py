"""Turns bench/search/run.sh measurements into the Markdown of docs/benchmarks.md."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from wrk_results import wrk_results  # noqa: E402

work, idle_rss, loaded_rss, duration, connections, threads = sys.argv[1:7]
results = wrk_results(work)
generated = json.load(open(f"{work}/generated.json"))
index = json.load(open(f"{work}/index.json"))
postgres = json.load(open(f"{work}/postgres.json"))
queries = sum(1 for line in open(f"{work}/queries.txt") if line.strip())

products = generated["generated"] + generated["bestbuy"]
print(f"{products:,} products ({generated['generated']:,} generated, {generated['bestbuy']:,} "
      f"Best Buy), {queries} queries in turn; wrk -t{threads} -c{connections} -d{duration}, "
      "same machine, same run\n")
print("| engine | build s | size MiB | requests/s | p50 ms | p99 ms | errors | vs nginx |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
reference = results["nginx"]["requests_per_second"]
rows = [("search, every answer from the index", "search-uncached", index),
        ("search, answers kept while the index is unchanged (default)", "search", None),
        ("PostgreSQL FTS (tsvector + GIN)", "postgres", postgres),
        ("suggest, from the index", "suggest-uncached", None),
        ("suggest, from the index, one connection", "suggest-one-shopper", None),
        ("suggest, answers kept", "suggest", None),
        ("nginx, one answer from memory", "nginx", None)]
for label, name, build in rows:
    result = results[name]
    built = f"{build['seconds']:.1f}" if build else ""
    size = f"{build['bytes'] / 2**20:.0f}" if build else ""
    print(f"| {label} | {built} | {size} | {result['requests_per_second']:.0f} | "
          f"{result['p50_ms']:.2f} | {result['p99_ms']:.2f} | {result['errors']} | "
          f"{result['requests_per_second'] / reference:.0%} |")
postgres_rate = max(results["postgres"]["requests_per_second"], 1)
print()
print(f"- search / PostgreSQL requests/s: {results['search-uncached']['requests_per_second'] / postgres_rate:.1f}x "
      f"from the index, {results['search']['requests_per_second'] / postgres_rate:.1f}x with answers kept")
print(f"- search process RSS idle: {int(idle_rss) / 1024:.0f} MiB, after the runs: "
      f"{int(loaded_rss) / 1024:.0f} MiB")
