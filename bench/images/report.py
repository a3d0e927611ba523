"""Turns bench/images/run.sh measurements into the Markdown of docs/benchmarks.md."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from wrk_results import wrk_results  # noqa: E402

work, idle_rss, duration, connections, runs = sys.argv[1:6]
results = wrk_results(work)
render = json.load(open(f"{work}/render.json"))
renders = [json.loads(line) for line in open(f"{work}/renders.jsonl")]

print(f"A {render['width']} x {render['height']} JPEG of {render['photo_bytes'] / 2**20:.1f} MiB; "
      f"median and worst of {runs} runs, one thread\n")
print("| step | median ms | worst ms | bytes out |")
print("|---|---:|---:|---:|")
print(f"| upload: decode, turn upright, strip, keep as JPEG q95, dominant colour | "
      f"{render['upload']['median_ms']:.0f} | {render['upload']['worst_ms']:.0f} | |")
for name, label in [("thumbnail_jpeg", "thumbnail 128 x 128 cover, JPEG"),
                    ("card_webp", "card 320 x 320 cover, WebP"),
                    ("card_avif", "card 320 x 320 cover, AVIF"),
                    ("product_webp", "product 960 wide, WebP"),
                    ("zoom_jpeg", "zoom 1920 wide, JPEG (progressive)")]:
    entry = render[name]
    print(f"| {label} | {entry['median_ms']:.0f} | {entry['worst_ms']:.0f} | {entry['bytes']:,} |")

print(f"\nThe card variant (WebP, {render['card_webp']['bytes']:,} bytes here) once made; "
      f"wrk -c{connections} -d{duration}, same machine, same run\n")
print("| server | wrk threads | requests/s | p50 ms | p99 ms | errors | vs nginx |")
print("|---|---:|---:|---:|---:|---:|---:|")
rows = [("images service, from memory (default)", "images-memory", (1, 2)),
        ("images service, read from the object store each time", "images-store", (1,)),
        ("nginx, the same file from disk (open_file_cache)", "nginx", (1, 2))]
for label, name, wrk_threads in rows:
    for count in wrk_threads:
        result = results[f"{name}-t{count}"]
        reference = results[f"nginx-t{count}"]["requests_per_second"]
        print(f"| {label} | {count} | {result['requests_per_second']:.0f} | "
              f"{result['p50_ms']:.2f} | {result['p99_ms']:.2f} | {result['errors']} | "
              f"{result['requests_per_second'] / reference:.0%} |")

print(f"\n48 new variants of the photo asked for 32 at a time; idle RSS {int(idle_rss) / 1024:.0f} MiB\n")
print("| renders at once | idle MiB | peak MiB | seconds | failed |")
print("|---:|---:|---:|---:|---:|")
for entry in renders:
    print(f"| {entry['limit']} | {entry['idle_kib'] / 1024:.0f} | {entry['peak_kib'] / 1024:.0f} | "
          f"{entry['finished'] - entry['started']:.1f} | {entry['failures']} |")
