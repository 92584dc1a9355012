// MysqlAccountSecurityRepository on MariaDB: sign-ins find their user by email; a person's live
// sessions leave out API keys and sessions revoked or expired; a password change ends the other
// sessions in its transaction; a reset link is stored with its email, and of two uses racing
// for one link exactly one sets the password.
#include "server/accounts/mysql_account_security_repository.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/access_token.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;

class MysqlAccountSecurityRepositoryTest : public IdentityStoreTest {
 protected:
  // A token of `user` of `kind` made at `at`; returns its id.
  int64_t Token(const cim::v1::User& user, TokenKind kind, absl::Time at,
                absl::Duration ttl = absl::Hours(12)) {
    absl::StatusOr<int64_t> id =
        tokens_.Insert(GenerateSecret(kSessionTokenPrefix).hash, {.user_id = user.id(),
                                                                  .kind = kind,
                                                                  .address = "198.51.100.4",
                                                                  .agent = "Firefox/121.0",
                                                                  .created_at = at,
                                                                  .expires_at = at + ttl});
    EXPECT_THAT(id.status(), IsOk());
    return id.value_or(0);
  }

  std::vector<int64_t> LiveSessions(const cim::v1::User& user) {
    std::vector<int64_t> ids;
    absl::StatusOr<std::vector<AccessTokenRecord>> sessions =
        accounts_.ListSessions(user.id(), clock_.Now());
    EXPECT_THAT(sessions.status(), IsOk());
    for (const AccessTokenRecord& s : sessions.value_or(std::vector<AccessTokenRecord>{})) {
      ids.push_back(s.id);
    }
    return ids;
  }

  NewPasswordReset Link(const cim::v1::User& user, const std::string& hash) {
    return {.user_id = user.id(),
            .token_hash = hash,
            .created_at = clock_.Now(),
            .expires_at = clock_.Now() + absl::Hours(1),
            .email = {.user_id = user.id(),
                      .dedupe_key = "password-reset:" + hash,
                      .to_address = user.email(),
                      .to_name = user.display_name(),
                      .subject = "Reset your CIM password",
                      .text = "text",
                      .html = "<p>html</p>",
                      .now = clock_.Now()}};
  }
};

TEST_F(MysqlAccountSecurityRepositoryTest, LiveSessionsAreThePersonsUnexpiredUnrevokedOnes) {
  const int64_t old = Token(alpha_rep_, TokenKind::kSession, kT0 - absl::Hours(13));
  const int64_t revoked = Token(alpha_rep_, TokenKind::kSession, kT0 - absl::Hours(2));
  ASSERT_THAT(tokens_.Revoke(revoked, kT0 - absl::Hours(1)), IsOk());
  const int64_t laptop = Token(alpha_rep_, TokenKind::kSession, kT0 - absl::Hours(1));
  const int64_t phone = Token(alpha_rep_, TokenKind::kSession, kT0);
  Token(service_, TokenKind::kApiKey, kT0, absl::Hours(24 * 365));
  Token(bravo_rep_, TokenKind::kSession, kT0);
  (void)old;
  EXPECT_THAT(LiveSessions(alpha_rep_), ElementsAre(phone, laptop));
  EXPECT_THAT(LiveSessions(service_), ElementsAre());

  EXPECT_THAT(accounts_.EndSession(bravo_rep_.id(), phone, kT0),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(accounts_.EndSession(alpha_rep_.id(), revoked, kT0),
              StatusIs(absl::StatusCode::kNotFound));
  absl::StatusOr<int> ended = accounts_.SetPassword(alpha_rep_.id(), "hash", phone, kT0);
  ASSERT_THAT(ended.status(), IsOk());
  EXPECT_EQ(*ended, 1);
  EXPECT_THAT(LiveSessions(alpha_rep_), ElementsAre(phone));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM users WHERE password_hash = 'hash'"), 1);
}

TEST_F(MysqlAccountSecurityRepositoryTest, SignInsFindTheirUserByEmail) {
  ASSERT_THAT(accounts_.RecordSignIn({.email = "rep@alpha.example",
                                      .outcome = cim::v1::SIGN_IN_OUTCOME_LOCKED_OUT,
                                      .address = "192.0.2.1",
                                      .agent = "curl/8.0",
                                      .at = kT0}),
              IsOk());
  ASSERT_THAT(accounts_.RecordSignIn({.email = "nobody@alpha.example",
                                      .outcome = cim::v1::SIGN_IN_OUTCOME_REFUSED,
                                      .at = kT0}),
              IsOk());
  absl::StatusOr<std::vector<SignInRecord>> mine = accounts_.ListSignIns(alpha_rep_.id(), 0, 10);
  ASSERT_THAT(mine.status(), IsOk());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].outcome, cim::v1::SIGN_IN_OUTCOME_LOCKED_OUT);
  EXPECT_EQ((*mine)[0].address, "192.0.2.1");
  EXPECT_EQ((*mine)[0].at, kT0);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM sign_ins WHERE user_id IS NULL"), 1);
}

TEST_F(MysqlAccountSecurityRepositoryTest, OfTwoUsesRacingForOneLinkOneSetsThePassword) {
  const std::string hash = HashSecret("cimr_race");
  ASSERT_THAT(accounts_.CreateReset(Link(alpha_rep_, hash)), IsOk());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE to_address ="
                            " 'rep@alpha.example'"),
            1);
  EXPECT_EQ(accounts_.CountResetsSince(alpha_rep_.id(), kT0).value_or(-1), 1);
  const int64_t session = Token(alpha_rep_, TokenKind::kSession, kT0);

  std::atomic<int> set{0}, refused{0};
  std::vector<std::thread> clicks;
  for (int i = 0; i < 4; ++i) {
    clicks.emplace_back([&, i] {
      absl::StatusOr<int64_t> used =
          accounts_.UseReset(hash, "hash-" + std::to_string(i), kT0 + absl::Minutes(5));
      if (used.ok()) {
        EXPECT_EQ(*used, alpha_rep_.id());
        ++set;
      } else if (absl::IsFailedPrecondition(used.status())) {
        ++refused;
      } else {
        ADD_FAILURE() << used.status();
      }
    });
  }
  for (std::thread& t : clicks) t.join();
  EXPECT_EQ(set.load(), 1);
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM password_resets WHERE used_at IS NOT NULL"), 1);
  EXPECT_THAT(LiveSessions(alpha_rep_), ElementsAre());
  (void)session;

  // A link past its hour, or of a disabled person, is no use.
  const std::string late = HashSecret("cimr_late");
  ASSERT_THAT(accounts_.CreateReset(Link(bravo_rep_, late)), IsOk());
  EXPECT_THAT(accounts_.UseReset(late, "x", kT0 + absl::Hours(1)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  const std::string disabled = HashSecret("cimr_disabled");
  ASSERT_THAT(accounts_.CreateReset(Link(alpha_admin_, disabled)), IsOk());
  cim::v1::User gone = alpha_admin_;
  gone.set_status(cim::v1::USER_STATUS_DISABLED);
  ASSERT_THAT(users_.Update(gone, kT0).status(), IsOk());
  EXPECT_THAT(accounts_.UseReset(disabled, "x", kT0),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace cim
