#include "portal-gateway/edge/rate_limiter.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "portal-gateway/http/http_status.h"

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

std::string RateLimitKey(const std::string& address) {
  boost::system::error_code ec;
  const boost::asio::ip::address ip = boost::asio::ip::make_address(address, ec);
  if (ec || !ip.is_v6() || ip.to_v6().is_v4_mapped()) return address;
  boost::asio::ip::address_v6::bytes_type bytes = ip.to_v6().to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return absl::StrCat(boost::asio::ip::address_v6(bytes).to_string(), "/64");
}

// A 429 answer: the limit that refused the request and when to try again.
HttpResponse TooManyRequests(const HttpRequestHeader& request, absl::string_view what,
                             absl::Duration wait, const std::string& request_id) {
  const int64_t seconds =
      std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(wait, absl::Seconds(1))));
  HttpResponse response = JsonError(
      request, 8, absl::StrCat("too many ", what, " from this client; retry in ", seconds, " s"),
      request_id);
  response.set(http::field::retry_after, std::to_string(seconds));
  return response;
}

}  // namespace cim::gateway
