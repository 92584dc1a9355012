#include "bench/grpc_load.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace cim::bench {
namespace {

struct Slot {
  std::unique_ptr<AsyncCall> call;
  absl::Time started;
};

}  // namespace

LoadResult RunLoad(const LoadOptions& options, const CallFactory& make_call) {
  grpc::CompletionQueue cq;
  std::vector<Slot> slots(options.concurrency);
  const absl::Time begin = absl::Now();
  const absl::Time measure_from = begin + options.warmup;
  const absl::Time end = measure_from + options.duration;

  absl::Mutex mu;
  std::vector<double> latencies_ms;
  int64_t errors = 0;
  std::atomic<int> outstanding{options.concurrency};

  for (Slot& slot : slots) {
    slot.call = make_call();
    slot.started = absl::Now();
    slot.call->Start(&cq, &slot);
  }
  auto poll = [&] {
    std::vector<double> local;
    int64_t local_errors = 0;
    void* tag;
    bool ok;
    while (cq.Next(&tag, &ok)) {
      Slot* slot = static_cast<Slot*>(tag);
      const absl::Time now = absl::Now();
      slot->call->OnDone();
      if (slot->started >= measure_from && now <= end) {
        if (ok && slot->call->status().ok()) {
          local.push_back(absl::ToDoubleMilliseconds(now - slot->started));
        } else {
          ++local_errors;
        }
      }
      if (now < end) {
        slot->call = make_call();
        slot->started = absl::Now();
        slot->call->Start(&cq, slot);
      } else if (--outstanding == 0) {
        cq.Shutdown();
      }
    }
    absl::MutexLock lock(&mu);
    latencies_ms.insert(latencies_ms.end(), local.begin(), local.end());
    errors += local_errors;
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < std::max(1, options.threads); ++i) threads.emplace_back(poll);
  for (std::thread& t : threads) t.join();

  LoadResult result;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  result.calls = static_cast<int64_t>(latencies_ms.size());
  result.errors = errors;
  result.seconds = absl::ToDoubleSeconds(options.duration);
  result.throughput = result.calls / result.seconds;
  auto pct = [&](double p) {
    if (latencies_ms.empty()) return 0.0;
    size_t i = static_cast<size_t>(p * (latencies_ms.size() - 1));
    return latencies_ms[i];
  };
  result.p50_ms = pct(0.50);
  result.p90_ms = pct(0.90);
  result.p99_ms = pct(0.99);
  result.max_ms = latencies_ms.empty() ? 0 : latencies_ms.back();
  return result;
}

std::string Describe(const LoadResult& r) {
  return absl::StrFormat(
      "calls=%d errors=%d duration=%.1fs throughput=%.0f/s p50=%.3fms p90=%.3fms p99=%.3fms "
      "max=%.3fms",
      r.calls, r.errors, r.seconds, r.throughput, r.p50_ms, r.p90_ms, r.p99_ms, r.max_ms);
}

}  // namespace cim::bench
