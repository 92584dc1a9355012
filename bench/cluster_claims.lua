-- wrk script for bench/run_cluster_bench.sh: every request submits a new claim (its own
-- idempotency key and invoice number) through the gateway. Environment: TOKEN, PROGRAM, SKU,
-- PRICE, CURRENCY, TODAY, RUN (unique per run).
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  local key = string.format("cb-%s-%d-%d", os.getenv("RUN"), tid, n)
  local body = string.format(
    '{"idempotencyKey":"%s","claim":{"programId":"%s","invoiceNumber":"%s",' ..
    '"invoiceDate":"%s","customerName":"Bench customer %s","customerCountry":"NL",' ..
    '"currencyCode":"%s","lines":[{"sku":"%s","quantity":"1","unitPrice":"%s"}]}}',
    key, os.getenv("PROGRAM"), key, os.getenv("TODAY"), key, os.getenv("CURRENCY"),
    os.getenv("SKU"), os.getenv("PRICE"))
  return wrk.format("POST", "/v1/claims", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }, body)
end

-- Non-2xx answers are counted by wrk ("Non-2xx or 3xx responses"); the script prints p99.
function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000))
end
