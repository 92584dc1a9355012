// Per-client request rate limits: a token bucket per key (the client's address), refilled at a
// steady rate up to a burst. Thread-safe; memory stays bounded by forgetting clients whose
// buckets have refilled.
#ifndef CIM_PORTAL_GATEWAY_EDGE_RATE_LIMITER_H_
#define CIM_PORTAL_GATEWAY_EDGE_RATE_LIMITER_H_

#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

struct RateLimit {
  double per_second = 0;  // tokens added per second; 0 turns the limit off
  double burst = 1;       // the most tokens a bucket holds (requests allowed at once)
};

class RateLimiter {
 public:
  // At most `max_clients` buckets are kept; past that, full buckets are forgotten first.
  explicit RateLimiter(RateLimit limit, size_t max_clients = 100000);

  // Takes a token from `key`'s bucket at time `now`. Returns nullopt if the request may go
  // ahead, or how long until a token is available (at least a millisecond) if it may not.
  std::optional<absl::Duration> Take(absl::string_view key, absl::Time now);

 private:
  struct Bucket {
    double tokens;
    absl::Time updated;
  };
  // Tokens in `bucket` at `now`, refilled since it was last updated.
  double Refilled(const Bucket& bucket, absl::Time now) const;

  const RateLimit limit_;
  const size_t max_clients_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

// The key a client's rate limits are kept under: its address, or for IPv6 its /64 network
// (one subscriber's allocation, so that rotating addresses within it does not help).
std::string RateLimitKey(const std::string& address);

// A 429 answer: the limit that refused the request (`what`: "sign-in attempts") and, in
// Retry-After, when to try again.
HttpResponse TooManyRequests(const HttpRequestHeader& request, absl::string_view what,
                             absl::Duration wait, const std::string& request_id);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_EDGE_RATE_LIMITER_H_
