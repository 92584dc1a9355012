// Two-step sign-in's store against MariaDB: a waiting secret becomes the secret only if it is
// still the one waiting; each step is used once, also when four sign-ins race with one code;
// recovery codes are used once and replaced whole; turning it off leaves nothing behind; and the
// audit trail never copies a sealed secret or a code's hash.
#include "server/identity/mysql_two_step_repository.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;

class MysqlTwoStepRepositoryTest : public IdentityStoreTest {};

TEST_F(MysqlTwoStepRepositoryTest, AWaitingSecretTurnsOnOnlyWhileItIsTheOneWaiting) {
  const int64_t user = admin_.id();
  EXPECT_THAT(two_step_.Get(user), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_THAT(two_step_.SetPending(user, "s1:first", kT0), IsOk());
  ASSERT_THAT(two_step_.SetPending(user, "s1:second", kT0 + absl::Minutes(1)), IsOk());
  absl::StatusOr<TwoStepRecord> waiting = two_step_.Get(user);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  EXPECT_EQ(waiting->pending_secret_sealed, "s1:second");
  EXPECT_EQ(waiting->pending_since, kT0 + absl::Minutes(1));
  EXPECT_FALSE(waiting->enabled_at.has_value());
  EXPECT_EQ(waiting->secret_sealed, "");

  // The first secret was replaced: confirming it changes nothing.
  EXPECT_THAT(two_step_.Confirm(user, "s1:first", 100, {"h1"}, kT0 + absl::Minutes(2)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_THAT(two_step_.Confirm(user, "s1:second", 100, {"h1", "h2"}, kT0 + absl::Minutes(2)),
              IsOk());
  absl::StatusOr<TwoStepRecord> on = two_step_.Get(user);
  ASSERT_TRUE(on.ok()) << on.status();
  EXPECT_EQ(on->secret_sealed, "s1:second");
  EXPECT_EQ(on->enabled_at, kT0 + absl::Minutes(2));
  EXPECT_EQ(on->last_step, 100);
  EXPECT_EQ(on->pending_secret_sealed, "");
  EXPECT_FALSE(on->pending_since.has_value());
  EXPECT_EQ(on->recovery_codes_left, 2);
  // Nothing waits any more.
  EXPECT_THAT(two_step_.Confirm(user, "s1:second", 101, {}, kT0),
              StatusIs(absl::StatusCode::kFailedPrecondition));

  // A new secret waiting leaves the one in force as it is.
  ASSERT_THAT(two_step_.SetPending(user, "s1:third", kT0 + absl::Minutes(3)), IsOk());
  absl::StatusOr<TwoStepRecord> moving = two_step_.Get(user);
  ASSERT_TRUE(moving.ok());
  EXPECT_EQ(moving->secret_sealed, "s1:second");
  EXPECT_EQ(moving->pending_secret_sealed, "s1:third");
}

TEST_F(MysqlTwoStepRepositoryTest, EachStepIsUsedOnceEvenByRacingSignIns) {
  const int64_t user = admin_.id();
  EXPECT_THAT(two_step_.UseStep(user, 5), IsOkAndHolds(false));  // not set up
  ASSERT_THAT(two_step_.SetPending(user, "s1:x", kT0), IsOk());
  EXPECT_THAT(two_step_.UseStep(user, 5), IsOkAndHolds(false));  // not confirmed yet
  ASSERT_THAT(two_step_.Confirm(user, "s1:x", 10, {}, kT0), IsOk());
  EXPECT_THAT(two_step_.UseStep(user, 10), IsOkAndHolds(false));
  EXPECT_THAT(two_step_.UseStep(user, 9), IsOkAndHolds(false));
  EXPECT_THAT(two_step_.UseStep(user, 11), IsOkAndHolds(true));
  EXPECT_THAT(two_step_.UseStep(user, 11), IsOkAndHolds(false));

  std::atomic<int> accepted{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 4; ++i) {
    racers.emplace_back([&] {
      absl::StatusOr<bool> used = two_step_.UseStep(user, 12);
      EXPECT_TRUE(used.ok()) << used.status();
      if (used.ok() && *used) ++accepted;
    });
  }
  for (std::thread& t : racers) t.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(two_step_.Get(user)->last_step, 12);
}

TEST_F(MysqlTwoStepRepositoryTest, RecoveryCodesAreUsedOnceAndReplacedWhole) {
  const int64_t user = manager_.id();
  ASSERT_THAT(two_step_.SetPending(user, "s1:x", kT0), IsOk());
  ASSERT_THAT(two_step_.Confirm(user, "s1:x", 1, {"h1", "h2", "h3"}, kT0), IsOk());
  EXPECT_THAT(two_step_.UseRecoveryCode(user, "h2", kT0 + absl::Hours(1)), IsOkAndHolds(true));
  EXPECT_THAT(two_step_.UseRecoveryCode(user, "h2", kT0 + absl::Hours(2)), IsOkAndHolds(false));
  EXPECT_THAT(two_step_.UseRecoveryCode(user, "h9", kT0), IsOkAndHolds(false));
  // Another person's code is not this person's.
  EXPECT_THAT(two_step_.UseRecoveryCode(admin_.id(), "h1", kT0), IsOkAndHolds(false));
  EXPECT_EQ(two_step_.Get(user)->recovery_codes_left, 2);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = 'h2'"
                            " AND used_at = '2026-03-02 10:00:00'"),
            1);

  ASSERT_THAT(two_step_.ReplaceRecoveryCodes(user, {"n1", "n2"}, kT0), IsOk());
  EXPECT_EQ(two_step_.Get(user)->recovery_codes_left, 2);
  EXPECT_THAT(two_step_.UseRecoveryCode(user, "h1", kT0), IsOkAndHolds(false));
  EXPECT_THAT(two_step_.UseRecoveryCode(user, "n1", kT0), IsOkAndHolds(true));
}

TEST_F(MysqlTwoStepRepositoryTest, TurningItOffLeavesNothingBehind) {
  const int64_t user = manager_.id();
  ASSERT_THAT(two_step_.SetPending(user, "s1:x", kT0), IsOk());
  ASSERT_THAT(two_step_.Confirm(user, "s1:x", 1, {"h1", "h2"}, kT0), IsOk());
  ASSERT_THAT(two_step_.SetPending(user, "s1:y", kT0), IsOk());
  ASSERT_THAT(two_step_.Remove(user), IsOk());
  absl::StatusOr<TwoStepRecord> off = two_step_.Get(user);
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off->enabled_at.has_value());
  EXPECT_EQ(off->secret_sealed, "");
  EXPECT_EQ(off->pending_secret_sealed, "");
  EXPECT_EQ(off->recovery_codes_left, 0);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM recovery_codes"), 0);
  EXPECT_THAT(two_step_.UseStep(user, 99), IsOkAndHolds(false));
}

TEST_F(MysqlTwoStepRepositoryTest, TheAuditTrailRecordsTheChangesWithoutTheSecrets) {
  AuditScope scope(AuditActor{.user_id = manager_.id(), .rpc = "ConfirmTwoStep"});
  ASSERT_THAT(two_step_.SetPending(manager_.id(), "s1:sealed-secret", kT0), IsOk());
  ASSERT_THAT(two_step_.Confirm(manager_.id(), "s1:sealed-secret", 1, {"hash-one"}, kT0), IsOk());
  EXPECT_GE(database_.Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'two_step'"), 2);
  EXPECT_GE(database_.Count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'recovery_codes'"),
            1);
  EXPECT_EQ(
      database_.Count("SELECT COUNT(*) FROM audit_log WHERE before_json LIKE '%sealed-secret%'"
                      " OR after_json LIKE '%sealed-secret%' OR after_json LIKE '%hash-one%'"),
      0);
}

}  // namespace
}  // namespace cim
