"""What the bench/*/run.sh scenarios' wrk runs left in $work/results.jsonl."""
import json


def wrk_results(work):
    """{measure name: wrk summary (requests_per_second, p50_ms, p99_ms, ...)}."""
    results = {}
    with open(f"{work}/results.jsonl") as lines:
        for line in lines:
            record = json.loads(line)
            results[record["name"]] = record["result"]
    return results
