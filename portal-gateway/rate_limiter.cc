#include "portal-gateway/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace cim::gateway {

RateLimiter::RateLimiter(RateLimit limit, size_t max_clients)
    : limit_(limit), max_clients_(std::max<size_t>(1, max_clients)) {}

double RateLimiter::Refilled(const Bucket& bucket, absl::Time now) const {
  const double elapsed = std::max(0.0, absl::ToDoubleSeconds(now - bucket.updated));
  return std::min(limit_.burst, bucket.tokens + elapsed * limit_.per_second);
}

std::optional<absl::Duration> RateLimiter::Take(absl::string_view key, absl::Time now) {
  if (limit_.per_second <= 0) return std::nullopt;
  absl::MutexLock lock(&mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      // Forget the clients whose buckets are full again: they lose nothing by it.
      absl::erase_if(
          buckets_, [&](const auto& entry) { return Refilled(entry.second, now) >= limit_.burst; });
      // Still full: everyone is busy; start over rather than grow without bound.
      if (buckets_.size() >= max_clients_) buckets_.clear();
    }
    it = buckets_.emplace(std::string(key), Bucket{limit_.burst, now}).first;
  }
  Bucket& bucket = it->second;
  bucket.tokens = Refilled(bucket, now);
  bucket.updated = std::max(bucket.updated, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  const double wait = (1 - bucket.tokens) / limit_.per_second;
  return std::max(absl::Milliseconds(1), absl::Seconds(wait));
}

}  // namespace cim::gateway
