// The login throttle store against MariaDB: an unknown email starts from the empty state, the
// state an update returns is what the next update reads (no lockout stored as NULL), emails are
// counted apart, Clear forgets one email, and concurrent updates of one email are serialised so
// no failure is lost (also when they race to create its row).
#include "server/identity/mysql_login_throttle_repository.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;

class MysqlLoginThrottleRepositoryTest : public ::testing::Test {
 protected:
  static constexpr absl::Time kT0 = absl::FromUnixSeconds(1772442000);  // 2026-03-02 09:00 UTC

  // The state `email` has now (read through an update that keeps it).
  LoginThrottleState Current(const std::string& email) {
    LoginThrottleState seen;
    absl::StatusOr<LoginThrottleState> kept =
        throttle_.Update(email, [&](const LoginThrottleState& s) {
          seen = s;
          return s;
        });
    EXPECT_TRUE(kept.ok()) << kept.status();
    return seen;
  }

  // Counts one more failure at `at`.
  absl::StatusOr<LoginThrottleState> Fail(const std::string& email, absl::Time at) {
    return throttle_.Update(email, [&](const LoginThrottleState& s) {
      LoginThrottleState next = s;
      ++next.failures;
      next.last_failure = at;
      return next;
    });
  }

  testing::TestDatabase database_;
  MysqlLoginThrottleRepository throttle_{database_.db()};
};

TEST_F(MysqlLoginThrottleRepositoryTest, AnUnknownEmailStartsEmpty) {
  const LoginThrottleState fresh = Current("new@example.com");
  EXPECT_EQ(fresh.failures, 0);
  EXPECT_EQ(fresh.last_failure, absl::UnixEpoch());
  EXPECT_EQ(fresh.locked_until, absl::InfinitePast());
}

TEST_F(MysqlLoginThrottleRepositoryTest, TheNextUpdateReadsWhatTheLastOneStored) {
  absl::StatusOr<LoginThrottleState> stored =
      throttle_.Update("rep@alpha.example", [](const LoginThrottleState& s) {
        LoginThrottleState next;
        next.failures = s.failures + 5;
        next.last_failure = kT0;
        next.locked_until = kT0 + absl::Minutes(15);
        return next;
      });
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->failures, 5);
  EXPECT_EQ(stored->locked_until, kT0 + absl::Minutes(15));

  LoginThrottleState read = Current("rep@alpha.example");
  EXPECT_EQ(read.failures, 5);
  EXPECT_EQ(read.last_failure, kT0);
  EXPECT_EQ(read.locked_until, kT0 + absl::Minutes(15));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM login_throttle WHERE email = 'rep@alpha.example'"
                            " AND failures = 5 AND locked_until = '2026-03-02 09:15:00'"),
            1);

  // Lifting the lockout stores NULL, which reads back as "never locked".
  ASSERT_THAT(throttle_
                  .Update("rep@alpha.example",
                          [](const LoginThrottleState& s) {
                            LoginThrottleState next = s;
                            next.locked_until = absl::InfinitePast();
                            return next;
                          })
                  .status(),
              IsOk());
  EXPECT_EQ(Current("rep@alpha.example").locked_until, absl::InfinitePast());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM login_throttle WHERE locked_until IS NULL"), 1);
}

TEST_F(MysqlLoginThrottleRepositoryTest, EmailsAreCountedApartAndClearedApart) {
  ASSERT_THAT(Fail("a@example.com", kT0).status(), IsOk());
  ASSERT_THAT(Fail("a@example.com", kT0 + absl::Seconds(1)).status(), IsOk());
  ASSERT_THAT(Fail("b@example.com", kT0).status(), IsOk());
  EXPECT_EQ(Current("a@example.com").failures, 2);
  EXPECT_EQ(Current("a@example.com").last_failure, kT0 + absl::Seconds(1));
  EXPECT_EQ(Current("b@example.com").failures, 1);

  ASSERT_THAT(throttle_.Clear("a@example.com"), IsOk());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM login_throttle WHERE email = 'a@example.com'"),
            0);
  EXPECT_EQ(Current("a@example.com").failures, 0);
  EXPECT_EQ(Current("b@example.com").failures, 1);
  // Clearing an email without failures is fine.
  EXPECT_THAT(throttle_.Clear("nobody@example.com"), IsOk());
}

TEST_F(MysqlLoginThrottleRepositoryTest, ConcurrentFailuresOfOneEmailAreAllCounted) {
  constexpr int kThreads = 8;
  constexpr int kEach = 5;
  std::vector<int> errors(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Every thread's first update races to create the row.
        if (!Fail("target@example.com", kT0 + absl::Seconds(i)).ok()) ++errors[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(errors, ::testing::Each(0));
  EXPECT_EQ(Current("target@example.com").failures, kThreads * kEach);
}

}  // namespace
}  // namespace cim
