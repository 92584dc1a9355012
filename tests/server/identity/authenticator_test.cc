// Authenticator over the real MariaDB stores with a fake clock: a right password (any case or
// padding of the email) issues a session stored by hash that expires after the session time;
// wrong passwords, unknown emails, disabled users, suspended partners and service accounts all
// get the same UNAUTHENTICATED answer; empty fields are INVALID_ARGUMENT with field details; five
// failures lock the email out (RESOURCE_EXHAUSTED, even for the right password) until the
// lockout ends; tokens are refused once expired, revoked, or their user or partner is no longer
// active (a change made elsewhere counts after the cache time); API keys are for active service
// accounts only, issued and revoked by program admins. With two-step sign-in on, the password
// alone asks for the code (INVALID_ARGUMENT on one_time_code, no session), the current code or an
// unused recovery code signs in once each, wrong codes count toward the lockout and are recorded
// as refused sign-ins; finance and program admins without it get sessions that must set it up.
#include "server/identity/authenticator.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/access_token.h"
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
using ::testing::Optional;

constexpr char kBadCredentials[] = "invalid email or password";
constexpr char kBadToken[] = "invalid or expired credentials";

class AuthenticatorTest : public IdentityStoreTest {
 protected:
  Authenticator MakeAuthenticator(AuthConfig config = {}) {
    return Authenticator(partners_, users_, tokens_, throttle_, accounts_, two_step_, hasher_,
                         sealer_, clock_, config);
  }

  // Logs `email` in with the right password; fails the test and returns "" on error.
  std::string SignIn(const std::string& email) {
    absl::StatusOr<LoginResult> result = auth_.Login(email, kPassword);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? result->token : "";
  }

  Authenticator auth_ = MakeAuthenticator();
};

TEST_F(AuthenticatorTest, TheRightPasswordIssuesASessionStoredByHash) {
  absl::StatusOr<LoginResult> login = auth_.Login("  REP@Alpha.Example ", kPassword);
  ASSERT_TRUE(login.ok()) << login.status();
  EXPECT_TRUE(absl::StartsWith(login->token, "cims_")) << login->token;
  EXPECT_EQ(login->expires_at, kT0 + absl::Hours(12));
  EXPECT_EQ(login->principal.user_id, alpha_rep_.id());
  EXPECT_EQ(login->principal.email, "rep@alpha.example");
  EXPECT_EQ(login->principal.role, cim::v1::ROLE_PARTNER_REP);
  EXPECT_EQ(login->principal.partner_id, alpha_.id());
  EXPECT_EQ(login->principal.partner_name, "Alpha GmbH");
  EXPECT_GT(login->principal.token_id, 0);

  absl::StatusOr<AccessTokenRecord> stored = tokens_.Get(login->principal.token_id);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->kind, TokenKind::kSession);
  EXPECT_EQ(stored->user_id, alpha_rep_.id());
  EXPECT_EQ(stored->expires_at, kT0 + absl::Hours(12));
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM access_tokens WHERE token_hash = '",
                                         HashSecret(login->token), "'")),
            1);

  absl::StatusOr<Principal> me = auth_.Authenticate(login->token);
  ASSERT_TRUE(me.ok()) << me.status();
  EXPECT_EQ(me->user_id, alpha_rep_.id());
  EXPECT_EQ(me->partner_name, "Alpha GmbH");
  EXPECT_EQ(me->token_id, login->principal.token_id);

  // A configured session time is what the token gets.
  Authenticator short_sessions = MakeAuthenticator({.session_ttl = absl::Minutes(30)});
  absl::StatusOr<LoginResult> short_login = short_sessions.Login("rep@alpha.example", kPassword);
  ASSERT_TRUE(short_login.ok()) << short_login.status();
  EXPECT_EQ(short_login->expires_at, kT0 + absl::Minutes(30));
}

TEST_F(AuthenticatorTest, EveryRefusedLoginGetsTheSameAnswer) {
  cim::v1::User disabled = StoredUser("gone@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id());
  disabled.set_status(cim::v1::USER_STATUS_DISABLED);
  ASSERT_THAT(users_.Update(disabled, kT0).status(), IsOk());
  cim::v1::Partner suspended = StoredPartner("Suspended Inc");
  StoredUser("rep@suspended.example", cim::v1::ROLE_PARTNER_REP, suspended.id());
  suspended.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  ASSERT_THAT(partners_.Update(suspended, kT0).status(), IsOk());

  const struct {
    const char* name;
    const char* email;
    const char* password;
  } kCases[] = {
      {"wrong password", "rep@alpha.example", "not-the-password"},
      {"unknown email", "nobody@alpha.example", kPassword},
      {"disabled user", "gone@alpha.example", kPassword},
      {"suspended partner", "rep@suspended.example", kPassword},
      {"service account", "erp@vendor.example", kPassword},
  };
  for (const auto& c : kCases) {
    EXPECT_THAT(auth_.Login(c.email, c.password),
                StatusIs(absl::StatusCode::kUnauthenticated, kBadCredentials))
        << c.name;
  }
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM access_tokens"), 0);
}

TEST_F(AuthenticatorTest, EmptyOrOversizedFieldsAreInvalidArguments) {
  absl::StatusOr<LoginResult> empty = auth_.Login("   ", "");
  EXPECT_THAT(empty, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(empty.status()), ElementsAre("email", "password"));

  absl::StatusOr<LoginResult> long_password =
      auth_.Login("rep@alpha.example", std::string(1025, 'x'));
  EXPECT_THAT(long_password, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("1024")));
  EXPECT_THAT(ViolatedFields(long_password.status()), ElementsAre("password"));
  // Refused requests count no failure.
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM login_throttle"), 0);
}

TEST_F(AuthenticatorTest, FiveFailuresLockTheEmailUntilTheLockoutEnds) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(auth_.Login("rep@alpha.example", "wrong-password"),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << "attempt " << i + 1;
    clock_.Advance(absl::Seconds(10));
  }
  // Locked at the fifth failure (t0 + 40 s) for 15 minutes: the right password is refused too.
  EXPECT_THAT(auth_.Login("rep@alpha.example", kPassword),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("try again in 15 minutes")));
  clock_.Advance(absl::Minutes(14));
  EXPECT_THAT(auth_.Login("REP@alpha.example", kPassword),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("1 minute")));
  // Another email is not affected.
  EXPECT_THAT(auth_.Login("admin@alpha.example", kPassword), IsOk());

  clock_.Advance(absl::Seconds(50));  // t0 + 40 s + 15 min: the lockout is over
  absl::StatusOr<LoginResult> after = auth_.Login("rep@alpha.example", kPassword);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->principal.user_id, alpha_rep_.id());
  // A success forgets the failures.
  EXPECT_EQ(
      database_.Count("SELECT COUNT(*) FROM login_throttle WHERE email = 'rep@alpha.example'"), 0);
}

TEST_F(AuthenticatorTest, TokensEndAtExpiryAndAtLogout) {
  EXPECT_THAT(auth_.Authenticate(""),
              StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));
  EXPECT_THAT(auth_.Authenticate("cims_forged"),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr(kBadToken)));

  const std::string token = SignIn("rep@alpha.example");
  clock_.Advance(absl::Hours(12) - absl::Seconds(1));
  absl::StatusOr<Principal> before_expiry = auth_.Authenticate(token);
  ASSERT_TRUE(before_expiry.ok()) << before_expiry.status();
  clock_.Advance(absl::Seconds(1));  // exactly the expiry: cached or not, it is over
  EXPECT_THAT(auth_.Authenticate(token),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr(kBadToken)));

  const std::string second = SignIn("admin@vendor.example");
  absl::StatusOr<Principal> admin = auth_.Authenticate(second);
  ASSERT_TRUE(admin.ok()) << admin.status();
  EXPECT_EQ(admin->partner_id, 0);
  EXPECT_EQ(admin->partner_name, "");
  ASSERT_THAT(auth_.Logout(*admin), IsOk());
  EXPECT_THAT(tokens_.Get(admin->token_id)->revoked_at, Optional(clock_.Now()));
  // Refused at once on this server, although the credential was cached.
  EXPECT_THAT(auth_.Authenticate(second), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthenticatorTest, ChangesMadeElsewhereCountAfterTheCacheTime) {
  const std::string rep = SignIn("rep@alpha.example");
  const std::string bravo = SignIn("rep@bravo.example");
  ASSERT_THAT(auth_.Authenticate(rep).status(), IsOk());
  ASSERT_THAT(auth_.Authenticate(bravo).status(), IsOk());

  // Another server revokes the rep's token and suspends Bravo, straight in the stores.
  absl::StatusOr<Credential> rep_credential = tokens_.FindCredential(HashSecret(rep));
  ASSERT_TRUE(rep_credential.ok());
  ASSERT_THAT(tokens_.Revoke(rep_credential->token.id, clock_.Now()), IsOk());
  cim::v1::Partner bravo_partner = *partners_.Get(bravo_.id());
  bravo_partner.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  ASSERT_THAT(partners_.Update(bravo_partner, clock_.Now()).status(), IsOk());

  // Within the cache's second the cached credentials still answer ...
  clock_.Advance(absl::Milliseconds(500));
  EXPECT_THAT(auth_.Authenticate(rep).status(), IsOk());
  EXPECT_THAT(auth_.Authenticate(bravo).status(), IsOk());
  // ... and after it, the stores do.
  clock_.Advance(absl::Milliseconds(600));
  EXPECT_THAT(auth_.Authenticate(rep), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(auth_.Authenticate(bravo), StatusIs(absl::StatusCode::kUnauthenticated));

  // Without a cache, a disabled user is refused on the next call.
  Authenticator uncached = MakeAuthenticator({.credential_cache_ttl = absl::ZeroDuration()});
  const std::string admin_token = SignIn("admin@alpha.example");
  ASSERT_THAT(uncached.Authenticate(admin_token).status(), IsOk());
  cim::v1::User admin = users_.Get(alpha_admin_.id())->user;
  admin.set_status(cim::v1::USER_STATUS_DISABLED);
  ASSERT_THAT(users_.Update(admin, clock_.Now()).status(), IsOk());
  EXPECT_THAT(uncached.Authenticate(admin_token),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr(kBadToken)));
}

TEST_F(AuthenticatorTest, ApiKeysAreForActiveServiceAccounts) {
  const Principal admin = As(admin_);
  EXPECT_THAT(auth_.IssueApiKey(As(manager_), service_.id(), "ERP", 0),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<IssuedApiKey> bad = auth_.IssueApiKey(admin, 0, "  ", 731);
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(bad.status()), ElementsAre("user_id", "description", "ttl_days"));
  EXPECT_THAT(auth_.IssueApiKey(admin, service_.id() + 100, "ERP", 0),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(auth_.IssueApiKey(admin, alpha_rep_.id(), "ERP", 0),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not a service account")));

  absl::StatusOr<IssuedApiKey> yearly = auth_.IssueApiKey(admin, service_.id(), " ERP sync ", 0);
  ASSERT_TRUE(yearly.ok()) << yearly.status();
  EXPECT_TRUE(absl::StartsWith(yearly->api_key, "cimk_"));
  EXPECT_EQ(yearly->expires_at, kT0 + absl::Hours(24 * 365));
  EXPECT_EQ(tokens_.Get(yearly->key_id)->description, "ERP sync");
  absl::StatusOr<IssuedApiKey> monthly = auth_.IssueApiKey(admin, service_.id(), "CRM", 30);
  ASSERT_TRUE(monthly.ok()) << monthly.status();
  EXPECT_EQ(monthly->expires_at, kT0 + absl::Hours(24 * 30));

  absl::StatusOr<Principal> service = auth_.Authenticate(yearly->api_key);
  ASSERT_TRUE(service.ok()) << service.status();
  EXPECT_EQ(service->user_id, service_.id());
  EXPECT_EQ(service->role, cim::v1::ROLE_SERVICE_ACCOUNT);
  EXPECT_EQ(service->token_id, yearly->key_id);

  // A session of a person is not an API key; revoking one is NOT_FOUND.
  const std::string session = SignIn("rep@alpha.example");
  const int64_t session_id = tokens_.FindCredential(HashSecret(session))->token.id;
  EXPECT_THAT(auth_.RevokeApiKey(admin, session_id),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("API key")));
  EXPECT_THAT(auth_.RevokeApiKey(As(alpha_admin_), yearly->key_id),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ASSERT_THAT(auth_.RevokeApiKey(admin, yearly->key_id), IsOk());
  EXPECT_THAT(auth_.Authenticate(yearly->api_key), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(auth_.Authenticate(monthly->api_key).status(), IsOk());

  // Program admins list the keys, newest first, the revoked one with its time; never a secret
  // and never a person's session.
  cim::v1::ListApiKeysRequest list;
  list.set_user_id(service_.id());
  absl::StatusOr<cim::v1::ListApiKeysResponse> keys = auth_.ListApiKeys(admin, list);
  ASSERT_THAT(keys.status(), IsOk());
  ASSERT_EQ(keys->api_keys_size(), 2);
  EXPECT_EQ(keys->api_keys(0).id(), monthly->key_id);
  EXPECT_EQ(keys->api_keys(0).description(), "CRM");
  EXPECT_FALSE(keys->api_keys(0).has_revoke_time());
  EXPECT_EQ(keys->api_keys(1).id(), yearly->key_id);
  EXPECT_EQ(keys->api_keys(1).revoke_time().seconds(), absl::ToUnixSeconds(kT0));
  EXPECT_EQ(keys->api_keys(1).expire_time().seconds(),
            absl::ToUnixSeconds(kT0 + absl::Hours(24 * 365)));
  EXPECT_EQ(auth_.ListApiKeys(admin, cim::v1::ListApiKeysRequest())->api_keys_size(), 2);
  list.set_user_id(alpha_rep_.id());
  EXPECT_EQ(auth_.ListApiKeys(admin, list)->api_keys_size(), 0);
  EXPECT_THAT(auth_.ListApiKeys(As(manager_), list), StatusIs(absl::StatusCode::kPermissionDenied));
  list.set_user_id(-1);
  EXPECT_THAT(ViolatedFields(auth_.ListApiKeys(admin, list).status()), ElementsAre("user_id"));

  // A disabled service account gets no key.
  cim::v1::User disabled = users_.Get(service_.id())->user;
  disabled.set_status(cim::v1::USER_STATUS_DISABLED);
  ASSERT_THAT(users_.Update(disabled, kT0).status(), IsOk());
  EXPECT_THAT(auth_.IssueApiKey(admin, service_.id(), "ERP", 0),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("disabled")));
}

TEST_F(AuthenticatorTest, AKindOfTokenTheOwnerMayNotHoldIsRefused) {
  // Stored behind the rules' back: a session for a service account, an API key for a person.
  const NewSecret service_session = GenerateSecret(kSessionTokenPrefix);
  const NewSecret person_key = GenerateSecret(kApiKeyPrefix);
  AccessTokenRecord record;
  record.created_at = kT0;
  record.expires_at = kT0 + absl::Hours(1);
  record.user_id = service_.id();
  record.kind = TokenKind::kSession;
  ASSERT_THAT(tokens_.Insert(service_session.hash, record).status(), IsOk());
  record.user_id = alpha_rep_.id();
  record.kind = TokenKind::kApiKey;
  ASSERT_THAT(tokens_.Insert(person_key.hash, record).status(), IsOk());

  EXPECT_THAT(auth_.Authenticate(service_session.secret),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr(kBadToken)));
  EXPECT_THAT(auth_.Authenticate(person_key.secret),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr(kBadToken)));
}

TEST_F(AuthenticatorTest, WithTwoStepOnTheCodeIsAskedForAfterThePassword) {
  ASSERT_THAT(testing::SetUpTwoStep(two_step_, sealer_, manager_.id(), clock_.Now()), IsOk());
  const std::string code = TotpCode(testing::kTestTwoStepSecret, clock_.Now());

  // A wrong password is refused as ever: the code is not asked for, nor its need revealed.
  EXPECT_THAT(auth_.Login("manager@vendor.example", "not-the-password", code),
              StatusIs(absl::StatusCode::kUnauthenticated, kBadCredentials));
  absl::StatusOr<LoginResult> no_code = auth_.Login("manager@vendor.example", kPassword);
  EXPECT_THAT(no_code, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(no_code.status()), ElementsAre("one_time_code"));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM access_tokens"), 0);

  absl::StatusOr<LoginResult> signed_in = auth_.Login("manager@vendor.example", kPassword, code);
  ASSERT_TRUE(signed_in.ok()) << signed_in.status();
  EXPECT_FALSE(signed_in->principal.two_step_setup_required);
  // The same code again (a replay, or a second tab) is refused.
  absl::StatusOr<LoginResult> replay = auth_.Login("manager@vendor.example", kPassword, code);
  EXPECT_THAT(replay, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("used already")));
  EXPECT_THAT(ViolatedFields(replay.status()), ElementsAre("one_time_code"));
  // The next step's code signs in.
  clock_.Advance(absl::Seconds(30));
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword,
                          TotpCode(testing::kTestTwoStepSecret, clock_.Now())),
              IsOk());
  // Outcomes recorded: signed in twice, the wrong password refused, the replayed code refused
  // as a code (the password was right); the answer that only asked for the code is no attempt of
  // its own.
  auto outcomes = [&](cim::v1::SignInOutcome outcome) {
    return database_.Count(absl::StrCat(
        "SELECT COUNT(*) FROM sign_ins WHERE email = 'manager@vendor.example' AND outcome = ",
        outcome));
  };
  EXPECT_EQ(outcomes(cim::v1::SIGN_IN_OUTCOME_SIGNED_IN), 2);
  EXPECT_EQ(outcomes(cim::v1::SIGN_IN_OUTCOME_REFUSED), 1);
  EXPECT_EQ(outcomes(cim::v1::SIGN_IN_OUTCOME_CODE_REFUSED), 1);
}

TEST_F(AuthenticatorTest, ARecoveryCodeSignsInOnce) {
  ASSERT_THAT(testing::SetUpTwoStep(two_step_, sealer_, manager_.id(), clock_.Now()), IsOk());
  ASSERT_THAT(two_step_.ReplaceRecoveryCodes(manager_.id(), {*RecoveryCodeHash("abcde-fghjk")},
                                             clock_.Now()),
              IsOk());
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword, "ABCDE FGHJK"), IsOk());
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword, "abcde-fghjk"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("used already")));
  EXPECT_EQ(two_step_.Get(manager_.id())->recovery_codes_left, 0);
}

TEST_F(AuthenticatorTest, WrongCodesCountTowardTheLockout) {
  ASSERT_THAT(testing::SetUpTwoStep(two_step_, sealer_, manager_.id(), clock_.Now()), IsOk());
  const std::string right = TotpCode(testing::kTestTwoStepSecret, clock_.Now());
  const std::string wrong = right == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword, wrong),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << "attempt " << i + 1;
  }
  // Five wrong codes: even the right password and code wait for the lockout to end.
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword, right),
              StatusIs(absl::StatusCode::kResourceExhausted));
  clock_.Advance(absl::Minutes(15) + absl::Seconds(1));
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword,
                          TotpCode(testing::kTestTwoStepSecret, clock_.Now())),
              IsOk());
  EXPECT_EQ(
      database_.Count("SELECT COUNT(*) FROM login_throttle WHERE email = 'manager@vendor.example'"),
      0);
  // An overlong code is the request's error, counted as nothing.
  EXPECT_THAT(auth_.Login("manager@vendor.example", kPassword, std::string(65, '1')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("64")));
}

TEST_F(AuthenticatorTest, RolesThatRequireTwoStepMustSetItUpFirst) {
  struct Case {
    const char* name;
    const cim::v1::User* user;
    bool set_up;
    bool setup_required;
  };
  const cim::v1::User finance = StoredUser("finance@vendor.example", cim::v1::ROLE_FINANCE, 0);
  const Case cases[] = {
      {"program admin without it", &admin_, false, true},
      {"finance without it", &finance, false, true},
      {"channel manager without it (optional)", &manager_, false, false},
      {"partner rep without it (optional)", &alpha_rep_, false, false},
      {"finance with it", &finance, true, false},
  };
  for (const Case& c : cases) {
    std::string code;
    if (c.set_up) {
      ASSERT_THAT(testing::SetUpTwoStep(two_step_, sealer_, c.user->id(), clock_.Now()), IsOk());
      clock_.Advance(absl::Seconds(30));  // a code not used before
      code = TotpCode(testing::kTestTwoStepSecret, clock_.Now());
    }
    absl::StatusOr<LoginResult> login = auth_.Login(c.user->email(), kPassword, code);
    ASSERT_TRUE(login.ok()) << c.name << ": " << login.status();
    EXPECT_EQ(login->principal.two_step_setup_required, c.setup_required) << c.name;
    absl::StatusOr<Principal> me = auth_.Authenticate(login->token);
    ASSERT_TRUE(me.ok()) << me.status();
    EXPECT_EQ(me->two_step_setup_required, c.setup_required) << c.name;
  }
  // Another configuration requires it of nobody.
  Authenticator relaxed = MakeAuthenticator({.two_step_roles = {}});
  absl::StatusOr<LoginResult> admin = relaxed.Login("admin@vendor.example", kPassword);
  ASSERT_TRUE(admin.ok());
  EXPECT_FALSE(admin->principal.two_step_setup_required);
}

}  // namespace
}  // namespace cim
