#include "lib/metrics.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cim {
namespace {

// `{a="x",b="y"` plus `extra` (already formatted, e.g. `le="0.5"`), closed with `}`; empty
// when there is nothing to write.
std::string LabelSet(const std::vector<std::string>& names, const std::vector<std::string>& values,
                     const std::string& extra = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    absl::StrAppend(&out, out.empty() ? "" : ",", names[i], "=\"", EscapeLabelValue(values[i]),
                    "\"");
  }
  if (!extra.empty()) absl::StrAppend(&out, out.empty() ? "" : ",", extra);
  return out.empty() ? "" : absl::StrCat("{", out, "}");
}

}  // namespace

std::string EscapeLabelValue(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void AppendGauge(std::string& out, const std::string& name, const std::string& help, double value) {
  absl::StrAppend(&out, "# HELP ", name, " ", help, "\n# TYPE ", name, " gauge\n", name, " ",
                  absl::StrFormat("%g", value), "\n");
}

RequestMetrics::RequestMetrics(std::string prefix, std::vector<std::string> labels,
                               std::string what)
    : prefix_(std::move(prefix)), labels_(std::move(labels)), what_(std::move(what)) {}

void RequestMetrics::Finish(const std::vector<std::string>& label_values, absl::Duration latency) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  std::vector<std::string> values = label_values;
  values.resize(labels_.size());  // one value per label name, whatever the caller passed
  const double seconds = absl::ToDoubleSeconds(latency);
  const size_t bucket =
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  absl::MutexLock lock(&mu_);
  Series& s = series_[std::move(values)];
  if (bucket < kBuckets.size()) ++s.buckets[bucket];
  ++s.count;
  s.sum += seconds;
}

void RequestMetrics::AppendText(std::string& out) const {
  const std::string total = absl::StrCat(prefix_, "_requests_total");
  const std::string duration = absl::StrCat(prefix_, "_request_duration_seconds");
  absl::StrAppend(&out, "# HELP ", total, " ", what_, " finished.\n# TYPE ", total, " counter\n");
  std::string histogram = absl::StrCat("# HELP ", duration, " Latency of ", what_, ".\n# TYPE ",
                                       duration, " histogram\n");
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [values, s] : series_) {
      absl::StrAppend(&out, total, LabelSet(labels_, values), " ", s.count, "\n");
      int64_t cumulative = 0;
      for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += s.buckets[i];
        absl::StrAppend(&histogram, duration, "_bucket",
                        LabelSet(labels_, values, absl::StrFormat("le=\"%g\"", kBuckets[i])), " ",
                        cumulative, "\n");
      }
      absl::StrAppend(&histogram, duration, "_bucket", LabelSet(labels_, values, "le=\"+Inf\""),
                      " ", s.count, "\n", duration, "_sum", LabelSet(labels_, values), " ",
                      absl::StrFormat("%.6f", s.sum), "\n", duration, "_count",
                      LabelSet(labels_, values), " ", s.count, "\n");
    }
  }
  out += histogram;
  AppendGauge(out, absl::StrCat(prefix_, "_requests_in_flight"),
              absl::StrCat(what_, " in progress."), in_flight_.load(std::memory_order_relaxed));
}

}  // namespace cim
