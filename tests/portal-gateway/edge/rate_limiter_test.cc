#include "portal-gateway/edge/rate_limiter.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1'800'000'000);

struct Step {
  std::string key;
  absl::Duration at;                      // since kStart
  std::optional<absl::Duration> refused;  // nullopt: allowed
};

struct Case {
  std::string name;
  RateLimit limit;
  std::vector<Step> steps;
};

TEST(RateLimiterTest, TokenBuckets) {
  const std::vector<Case> cases = {
      {"a burst, then one per refill",
       {.per_second = 1, .burst = 2},
       {{"a", absl::ZeroDuration(), std::nullopt},
        {"a", absl::ZeroDuration(), std::nullopt},
        {"a", absl::ZeroDuration(), absl::Seconds(1)},
        {"a", absl::Milliseconds(250), absl::Milliseconds(750)},
        {"a", absl::Seconds(1), std::nullopt},
        {"a", absl::Seconds(1), absl::Seconds(1)}}},
      {"clients have their own buckets",
       {.per_second = 0.5, .burst = 1},
       {{"a", absl::ZeroDuration(), std::nullopt},
        {"b", absl::ZeroDuration(), std::nullopt},
        {"a", absl::Seconds(1), absl::Seconds(1)},
        {"b", absl::Seconds(2), std::nullopt}}},
      {"a long pause refills no more than the burst",
       {.per_second = 10, .burst = 2},
       {{"a", absl::ZeroDuration(), std::nullopt},
        {"a", absl::Hours(1), std::nullopt},
        {"a", absl::Hours(1), std::nullopt},
        {"a", absl::Hours(1), absl::Milliseconds(100)}}},
      {"per_second 0 turns the limit off",
       {.per_second = 0, .burst = 1},
       {{"a", absl::ZeroDuration(), std::nullopt},
        {"a", absl::ZeroDuration(), std::nullopt},
        {"a", absl::ZeroDuration(), std::nullopt}}},
  };
  for (const Case& c : cases) {
    RateLimiter limiter(c.limit);
    for (size_t i = 0; i < c.steps.size(); ++i) {
      const Step& step = c.steps[i];
      EXPECT_EQ(limiter.Take(step.key, kStart + step.at), step.refused) << c.name << ", step " << i;
    }
  }
}

TEST(RateLimiterTest, ForgetsRefilledClientsToStayBounded) {
  RateLimiter limiter({.per_second = 1, .burst = 1}, /*max_clients=*/2);
  EXPECT_EQ(limiter.Take("a", kStart), std::nullopt);
  EXPECT_EQ(limiter.Take("b", kStart), std::nullopt);
  // "c" arrives with the table full: "a" and "b" are still empty, so nothing can be forgotten
  // and the table starts over.
  EXPECT_EQ(limiter.Take("c", kStart), std::nullopt);
  EXPECT_EQ(limiter.Take("a", kStart), std::nullopt);
  // A second later "a" and "c" have refilled and are forgotten to make room for "d", whose
  // own bucket then limits it.
  EXPECT_EQ(limiter.Take("d", kStart + absl::Seconds(1)), std::nullopt);
  EXPECT_EQ(limiter.Take("d", kStart + absl::Seconds(1)), absl::Seconds(1));
}

TEST(RateLimitKeyTest, IPv6ClientsAreKeyedByTheirSlash64) {
  EXPECT_EQ(RateLimitKey("198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(RateLimitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(RateLimitKey("::ffff:198.51.100.7"), "::ffff:198.51.100.7");
  EXPECT_EQ(RateLimitKey("not an address"), "not an address");
}

}  // namespace
}  // namespace cim::gateway
