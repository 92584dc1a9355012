-- wrk script for bench/run_cluster_bench.sh: an authenticated GET (TOKEN from the environment).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000))
end
