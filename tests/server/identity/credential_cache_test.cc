#include "server/identity/credential_cache.h"

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

Credential For(int64_t user_id) {
  Credential c;
  c.token.user_id = user_id;
  c.user.set_id(user_id);
  return c;
}

TEST(CredentialCacheTest, ReusesACredentialOnlyWithinTheTimeToLive) {
  FakeClock clock(absl::FromUnixSeconds(1'800'000'000));
  CredentialCache cache(clock, absl::Seconds(1));
  EXPECT_FALSE(cache.Find("a").has_value());
  cache.Put("a", For(7), cache.generation());
  ASSERT_TRUE(cache.Find("a").has_value());
  EXPECT_EQ(cache.Find("a")->user.id(), 7);
  EXPECT_FALSE(cache.Find("b").has_value());
  clock.Advance(absl::Milliseconds(999));
  EXPECT_TRUE(cache.Find("a").has_value());
  clock.Advance(absl::Milliseconds(1));
  EXPECT_FALSE(cache.Find("a").has_value()) << "stale after exactly the time to live";
}

TEST(CredentialCacheTest, ALookupThatRacedWithClearStoresNothing) {
  FakeClock clock(absl::FromUnixSeconds(1'800'000'000));
  CredentialCache cache(clock, absl::Seconds(1));
  const uint64_t before = cache.generation();  // a lookup begins
  cache.Clear();                               // e.g. a logout commits meanwhile
  cache.Put("a", For(1), before);              // the lookup's (stale) result
  EXPECT_FALSE(cache.Find("a").has_value());
}

TEST(CredentialCacheTest, ClearForgetsEverything) {
  FakeClock clock(absl::FromUnixSeconds(1'800'000'000));
  CredentialCache cache(clock, absl::Seconds(1));
  cache.Put("a", For(1), cache.generation());
  cache.Put("b", For(2), cache.generation());
  cache.Clear();
  EXPECT_FALSE(cache.Find("a").has_value());
  EXPECT_FALSE(cache.Find("b").has_value());
}

TEST(CredentialCacheTest, ZeroTimeToLiveNeverCaches) {
  FakeClock clock(absl::FromUnixSeconds(1'800'000'000));
  CredentialCache cache(clock, absl::ZeroDuration());
  cache.Put("a", For(1), cache.generation());
  EXPECT_FALSE(cache.Find("a").has_value());
}

TEST(CredentialCacheTest, StaysWithinItsSize) {
  FakeClock clock(absl::FromUnixSeconds(1'800'000'000));
  CredentialCache cache(clock, absl::Seconds(1), /*max_entries=*/2);
  cache.Put("a", For(1), cache.generation());
  cache.Put("b", For(2), cache.generation());
  cache.Put("c", For(3), cache.generation());  // full: starts afresh
  EXPECT_FALSE(cache.Find("a").has_value());
  EXPECT_FALSE(cache.Find("b").has_value());
  EXPECT_TRUE(cache.Find("c").has_value());
}

}  // namespace
}  // namespace cim
