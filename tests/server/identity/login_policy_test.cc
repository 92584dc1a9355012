#include "server/identity/login_policy.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

const absl::Time kT0 = absl::FromUnixSeconds(1'800'000'000);

struct AfterFailureCase {
  const char* name;
  LoginThrottleState before;
  absl::Duration since_t0;  // when the new failure happens
  int want_failures;
  absl::Time want_locked_until;
};

TEST(LoginPolicyTest, AfterFailure) {
  const LoginPolicy policy;  // 5 failures within 15 minutes → 15 minutes locked
  const AfterFailureCase cases[] = {
      {"first failure counts one", {}, absl::ZeroDuration(), 1, absl::InfinitePast()},
      {"second failure within window",
       {1, kT0, absl::InfinitePast()},
       absl::Minutes(1),
       2,
       absl::InfinitePast()},
      {"failure after window restarts count",
       {4, kT0, absl::InfinitePast()},
       absl::Minutes(16),
       1,
       absl::InfinitePast()},
      {"fifth failure locks and resets count",
       {4, kT0, absl::InfinitePast()},
       absl::Minutes(2),
       0,
       kT0 + absl::Minutes(2) + absl::Minutes(15)},
      {"failure right after lock expiry counts fresh in window",
       {0, kT0, kT0 + absl::Minutes(15)},
       absl::Minutes(15),
       1,
       kT0 + absl::Minutes(15)},
  };
  for (const AfterFailureCase& c : cases) {
    SCOPED_TRACE(c.name);
    const LoginThrottleState after = policy.AfterFailure(c.before, kT0 + c.since_t0);
    EXPECT_EQ(after.failures, c.want_failures);
    EXPECT_EQ(after.locked_until, c.want_locked_until);
    EXPECT_EQ(after.last_failure, kT0 + c.since_t0);
  }
}

TEST(LoginPolicyTest, CheckNotLocked) {
  const LoginPolicy policy;
  LoginThrottleState locked{0, kT0, kT0 + absl::Minutes(15)};
  EXPECT_THAT(policy.CheckNotLocked(locked, kT0),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("try again in 15 minutes")));
  EXPECT_THAT(policy.CheckNotLocked(locked, kT0 + absl::Minutes(14) + absl::Seconds(30)),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("try again in 1 minute")));
  EXPECT_THAT(policy.CheckNotLocked(locked, kT0 + absl::Minutes(15)), IsOk());
  EXPECT_THAT(policy.CheckNotLocked(LoginThrottleState{}, kT0), IsOk());
}

TEST(LoginPolicyTest, FiveQuickFailuresLock) {
  const LoginPolicy policy;
  LoginThrottleState state;
  for (int i = 0; i < 4; ++i) {
    state = policy.AfterFailure(state, kT0 + absl::Seconds(i));
    EXPECT_THAT(policy.CheckNotLocked(state, kT0 + absl::Seconds(i)), IsOk());
  }
  state = policy.AfterFailure(state, kT0 + absl::Seconds(4));
  EXPECT_THAT(policy.CheckNotLocked(state, kT0 + absl::Seconds(5)),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("too many failed logins")));
}

}  // namespace
}  // namespace cim
