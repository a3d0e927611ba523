-- wrk: prints one JSON line summing up the run (requests/s, p50, p99,
-- errors), which the run.sh scripts collect. Loaded with dofile() by the
-- scenario scripts.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests_per_second":%.0f,"p50_ms":%.3f,"p99_ms":%.3f,"requests":%d,"errors":%d}\n',
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors))
end
