// Setting two-step sign-in up over the real MariaDB stores: a new secret turns on only with a
// code of it and gives ten recovery codes (that code then cannot sign in again); moving to a new
// app takes the password and keeps the old one until the new is confirmed; recovery codes are
// renewed with the password; it turns off only where the role allows; those who manage a person
// reset it for them; nothing works without the server's secrets key, and service accounts have
// none of it.
#include "server/accounts/two_step_setup.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/one_time_code.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::SizeIs;
using ::testing::StartsWith;

class TwoStepSetupTest : public IdentityStoreTest {
 protected:
  absl::StatusOr<cim::v1::BeginTwoStepResponse> Begin(const cim::v1::User& user,
                                                      const std::string& password = "") {
    cim::v1::BeginTwoStepRequest request;
    request.set_current_password(password);
    return setup_.Begin(As(user), request);
  }
  absl::StatusOr<cim::v1::ConfirmTwoStepResponse> Confirm(const cim::v1::User& user,
                                                          const std::string& code) {
    cim::v1::ConfirmTwoStepRequest request;
    request.set_one_time_code(code);
    return setup_.Confirm(As(user), request);
  }
  // Sets it up for `user` with a new secret; returns the secret.
  std::string SetUp(const cim::v1::User& user, const std::string& password = "") {
    absl::StatusOr<cim::v1::BeginTwoStepResponse> begun = Begin(user, password);
    EXPECT_TRUE(begun.ok()) << begun.status();
    if (!begun.ok()) return "";
    NextStep();
    EXPECT_THAT(Confirm(user, TotpCode(begun->secret(), clock_.Now())).status(), IsOk());
    return begun->secret();
  }
  // Moves the clock to the next code.
  void NextStep() { clock_.Advance(kTotpStep); }
  absl::Status SignIn(const cim::v1::User& user, const std::string& code) {
    return auth_.Login(user.email(), kPassword, code).status();
  }

  Authenticator auth_{partners_, users_,  tokens_, throttle_, accounts_,
                      two_step_, hasher_, sealer_, clock_,    {}};
  PartnerDirectory directory_{partners_, users_, hasher_, clock_, auth_.credentials()};
  TwoStepSetup setup_{auth_, directory_, two_step_, sealer_, clock_, "CIM Partner Portal"};
};

TEST_F(TwoStepSetupTest, ANewSecretTurnsOnWithACodeOfItAndGivesTenRecoveryCodes) {
  absl::StatusOr<cim::v1::TwoStep> before = setup_.Get(As(manager_));
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_FALSE(before->enabled());
  EXPECT_FALSE(before->required());

  absl::StatusOr<cim::v1::BeginTwoStepResponse> begun = Begin(manager_);
  ASSERT_TRUE(begun.ok()) << begun.status();
  EXPECT_THAT(begun->secret(), MatchesRegex("[A-Z2-7]{32}"));
  EXPECT_EQ(begun->otpauth_uri(),
            absl::StrCat("otpauth://totp/CIM%20Partner%20Portal:manager@vendor.example?secret=",
                         begun->secret(),
                         "&issuer=CIM%20Partner%20Portal&algorithm=SHA1&digits=6&period=30"));
  // Not on until confirmed: the password alone still signs in.
  EXPECT_THAT(SignIn(manager_, ""), IsOk());

  absl::StatusOr<cim::v1::ConfirmTwoStepResponse> wrong = Confirm(manager_, "123 456");
  EXPECT_THAT(wrong, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(wrong.status()), ElementsAre("one_time_code"));
  absl::StatusOr<cim::v1::ConfirmTwoStepResponse> empty = Confirm(manager_, "");
  EXPECT_THAT(ViolatedFields(empty.status()), ElementsAre("one_time_code"));

  const std::string code = TotpCode(begun->secret(), clock_.Now());
  absl::StatusOr<cim::v1::ConfirmTwoStepResponse> confirmed = Confirm(manager_, code);
  ASSERT_TRUE(confirmed.ok()) << confirmed.status();
  EXPECT_THAT(confirmed->recovery_codes(), SizeIs(10));
  for (const std::string& c : confirmed->recovery_codes()) {
    EXPECT_THAT(c, MatchesRegex("[2-9a-km-np-z]{5}-[2-9a-km-np-z]{5}"));
  }
  absl::StatusOr<cim::v1::TwoStep> after = setup_.Get(As(manager_));
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->enabled());
  EXPECT_EQ(after->enable_time().seconds(), absl::ToUnixSeconds(clock_.Now()));
  EXPECT_EQ(after->recovery_codes_left(), 10);
  // Only the codes' hashes are stored.
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '",
                                         confirmed->recovery_codes(0), "'")),
            0);
  EXPECT_EQ(
      database_.Count(absl::StrCat("SELECT COUNT(*) FROM two_step WHERE secret_sealed LIKE '%",
                                   begun->secret(), "%'")),
      0);

  // Now the code is asked for; the one that confirmed is used up; a recovery code signs in.
  EXPECT_THAT(SignIn(manager_, ""), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SignIn(manager_, code),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("used already")));
  EXPECT_THAT(SignIn(manager_, confirmed->recovery_codes(3)), IsOk());
  EXPECT_EQ(setup_.Get(As(manager_))->recovery_codes_left(), 9);
  NextStep();
  EXPECT_THAT(SignIn(manager_, TotpCode(begun->secret(), clock_.Now())), IsOk());
}

TEST_F(TwoStepSetupTest, AConfirmationNeedsASecretWaiting) {
  EXPECT_THAT(Confirm(manager_, "123456"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(TwoStepSetupTest, MovingToANewAppTakesThePasswordAndKeepsTheOldUntilConfirmed) {
  const std::string old_secret = SetUp(manager_);
  absl::StatusOr<cim::v1::BeginTwoStepResponse> no_password = Begin(manager_);
  EXPECT_THAT(ViolatedFields(no_password.status()), ElementsAre("current_password"));
  absl::StatusOr<cim::v1::BeginTwoStepResponse> wrong = Begin(manager_, "not-the-password");
  EXPECT_THAT(wrong, StatusIs(absl::StatusCode::kInvalidArgument,
                              HasSubstr("is not your current password")));

  absl::StatusOr<cim::v1::BeginTwoStepResponse> moving = Begin(manager_, kPassword);
  ASSERT_TRUE(moving.ok()) << moving.status();
  EXPECT_NE(moving->secret(), old_secret);
  NextStep();
  EXPECT_THAT(SignIn(manager_, TotpCode(old_secret, clock_.Now())), IsOk());  // old still on

  NextStep();
  ASSERT_THAT(Confirm(manager_, TotpCode(moving->secret(), clock_.Now())).status(), IsOk());
  NextStep();
  EXPECT_THAT(SignIn(manager_, TotpCode(old_secret, clock_.Now())),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SignIn(manager_, TotpCode(moving->secret(), clock_.Now())), IsOk());
}

TEST_F(TwoStepSetupTest, RecoveryCodesAreRenewedWithThePassword) {
  cim::v1::RenewRecoveryCodesRequest request;
  request.set_current_password(kPassword);
  EXPECT_THAT(setup_.RenewRecoveryCodes(As(manager_), request),
              StatusIs(absl::StatusCode::kFailedPrecondition));  // off

  SetUp(manager_);
  request.set_current_password("not-the-password");
  EXPECT_THAT(setup_.RenewRecoveryCodes(As(manager_), request),
              StatusIs(absl::StatusCode::kInvalidArgument));
  request.set_current_password(kPassword);
  absl::StatusOr<cim::v1::RenewRecoveryCodesResponse> first =
      setup_.RenewRecoveryCodes(As(manager_), request);
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<cim::v1::RenewRecoveryCodesResponse> second =
      setup_.RenewRecoveryCodes(As(manager_), request);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(second->recovery_codes(), SizeIs(10));
  EXPECT_THAT(SignIn(manager_, first->recovery_codes(0)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SignIn(manager_, second->recovery_codes(0)), IsOk());
}

TEST_F(TwoStepSetupTest, ItTurnsOffOnlyWhereTheRoleAllows) {
  cim::v1::TurnOffTwoStepRequest request;
  request.set_current_password(kPassword);
  EXPECT_THAT(setup_.TurnOff(As(manager_), request),
              StatusIs(absl::StatusCode::kFailedPrecondition));  // off already

  SetUp(manager_);
  request.set_current_password("");
  EXPECT_THAT(ViolatedFields(setup_.TurnOff(As(manager_), request)),
              ElementsAre("current_password"));
  request.set_current_password(kPassword);
  ASSERT_THAT(setup_.TurnOff(As(manager_), request), IsOk());
  EXPECT_FALSE(setup_.Get(As(manager_))->enabled());
  EXPECT_THAT(SignIn(manager_, ""), IsOk());

  // A program admin's role requires it.
  SetUp(admin_);
  EXPECT_TRUE(setup_.Get(As(admin_))->required());
  EXPECT_THAT(setup_.TurnOff(As(admin_), request),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("requires")));
  EXPECT_TRUE(setup_.Get(As(admin_))->enabled());
}

TEST_F(TwoStepSetupTest, NothingWorksWithoutTheSecretsKeyOrForServiceAccounts) {
  const SecretSealer no_key;
  TwoStepSetup keyless(auth_, directory_, two_step_, no_key, clock_, "CIM");
  EXPECT_THAT(keyless.Begin(As(manager_), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("secrets")));
  EXPECT_THAT(setup_.Get(As(service_)), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(setup_.Begin(As(service_), {}), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(TwoStepSetupTest, ThoseWhoManageAPersonResetItForThem) {
  for (const cim::v1::User* user : {&alpha_rep_, &bravo_rep_, &manager_, &admin_}) {
    ASSERT_THAT(testing::SetUpTwoStep(two_step_, sealer_, user->id(), clock_.Now()), IsOk());
  }
  EXPECT_TRUE(users_.Get(alpha_rep_.id())->user.two_step_enabled());
  struct Case {
    const char* name;
    const cim::v1::User* caller;
    const cim::v1::User* user;
    absl::StatusCode code;
  };
  const Case cases[] = {
      {"a rep, for a colleague's", &alpha_rep_, &alpha_admin_, absl::StatusCode::kNotFound},
      {"a partner admin, for another partner's rep", &alpha_admin_, &bravo_rep_,
       absl::StatusCode::kNotFound},
      {"a partner admin, for vendor staff", &alpha_admin_, &manager_, absl::StatusCode::kNotFound},
      {"a channel manager, for a program admin", &manager_, &admin_,
       absl::StatusCode::kPermissionDenied},
      {"a program admin, for their own", &admin_, &admin_, absl::StatusCode::kFailedPrecondition},
      {"a partner admin, for their rep", &alpha_admin_, &alpha_rep_, absl::StatusCode::kOk},
      {"again, now that it is off", &alpha_admin_, &alpha_rep_,
       absl::StatusCode::kFailedPrecondition},
      {"a program admin, for a channel manager", &admin_, &manager_, absl::StatusCode::kOk},
      {"a channel manager, for a partner's rep", &manager_, &bravo_rep_, absl::StatusCode::kOk},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(setup_.Reset(As(*c.caller), c.user->id()), StatusIs(c.code)) << c.name;
  }
  EXPECT_THAT(setup_.Reset(As(admin_), 0), StatusIs(absl::StatusCode::kInvalidArgument));
  // Reset: the password alone signs in again (the rep's role does not require it).
  EXPECT_FALSE(users_.Get(alpha_rep_.id())->user.two_step_enabled());
  EXPECT_THAT(SignIn(alpha_rep_, ""), IsOk());
  EXPECT_TRUE(setup_.Get(As(admin_))->enabled());
}

}  // namespace
}  // namespace cim
