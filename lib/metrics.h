// Request metrics in the Prometheus text exposition format: per label set (e.g. route and
// status) a request counter and a latency histogram, plus the requests in flight. The gateway
// and the server each keep one and serve it at /metrics.
#ifndef CIM_LIB_METRICS_H_
#define CIM_LIB_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace cim {

class RequestMetrics {
 public:
  // Metric names start with `prefix` ("cim_gateway_http"); `labels` names the label values
  // that Finish receives, in order; `what` says what is counted, for the HELP lines.
  RequestMetrics(std::string prefix, std::vector<std::string> labels, std::string what);

  // A request started.
  void Start() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  // A request that Start counted finished with these label values after `latency`.
  void Finish(const std::vector<std::string>& label_values, absl::Duration latency);

  // Appends the counter, the histogram and the in-flight gauge in the text format.
  void AppendText(std::string& out) const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

 private:
  struct Series {
    std::array<int64_t, kBuckets.size()> buckets{};  // not cumulative
    int64_t count = 0;
    double sum = 0;
  };

  const std::string prefix_;
  const std::vector<std::string> labels_;
  const std::string what_;
  std::atomic<int64_t> in_flight_{0};
  mutable absl::Mutex mu_;
  std::map<std::vector<std::string>, Series> series_ ABSL_GUARDED_BY(mu_);
};

// Appends a gauge in the text format.
void AppendGauge(std::string& out, const std::string& name, const std::string& help, double value);

// `value` as a label value in the text format: backslash, double quote and newline escaped.
std::string EscapeLabelValue(const std::string& value);

}  // namespace cim

#endif  // CIM_LIB_METRICS_H_
