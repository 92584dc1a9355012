// AccountSecurity over the real MariaDB stores with a fake clock: an invitation creates the
// person without a password and emails a link to choose one; a password changes only with
// the current one (a wrong one is the form's error and counts toward the lockout) and signs the
// person out everywhere else; a reset link goes by email in the person's language only to an
// active person's address, at most three an hour, works once and for an hour, sets the password,
// signs out every session and lifts the lockout; people see and end their own sessions only, and
// every sign-in attempt is recorded with where it came from.
#include "server/accounts/account_security.h"

#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/messages.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kNewPassword[] = "purple-giraffe-umbrella";

class AccountSecurityTest : public IdentityStoreTest {
 protected:
  absl::StatusOr<LoginResult> SignIn(const std::string& email, const std::string& password,
                                     const std::string& address = "203.0.113.7",
                                     const std::string& agent = "Firefox/121.0") {
    return auth_.Login(email, password, "", {.address = address, .agent = agent});
  }

  absl::Status Change(const Principal& caller, const std::string& current,
                      const std::string& next) {
    cim::v1::ChangePasswordRequest request;
    request.set_current_password(current);
    request.set_new_password(next);
    return accounts_security_.ChangePassword(caller, request).status();
  }

  absl::Status RequestReset(const std::string& email, const std::string& language = "en") {
    cim::v1::RequestPasswordResetRequest request;
    request.set_email(email);
    return accounts_security_.RequestPasswordReset(request, language);
  }

  absl::Status Reset(const std::string& token, const std::string& password = kNewPassword) {
    cim::v1::ResetPasswordRequest request;
    request.set_token(token);
    request.set_new_password(password);
    return accounts_security_.ResetPassword(request);
  }

  // A column of the newest email in the outbox.
  std::string NewestEmail(const std::string& column) {
    absl::StatusOr<std::string> value =
        database_.db().Run([&](soci::session& s) -> absl::StatusOr<std::string> {
          std::string v;
          s << absl::StrCat("SELECT ", column, " FROM email_outbox ORDER BY id DESC LIMIT 1"),
              soci::into(v);
          return v;
        });
    return value.value_or("");
  }

  // The token of the newest email's link (a reset or an invitation).
  std::string NewestResetToken() {
    std::smatch match;
    const std::string text = NewestEmail("text_body");
    if (!std::regex_search(text, match,
                           std::regex("/(?:reset-password|welcome)/(cimr_[A-Za-z0-9_-]+)"))) {
      return "";
    }
    return match[1];
  }

  long long Emails() { return database_.Count("SELECT COUNT(*) FROM email_outbox"); }

  Authenticator auth_{partners_, users_,  tokens_, throttle_, accounts_,
                      two_step_, hasher_, sealer_, clock_,    {}};
  PartnerDirectory directory_{partners_, users_, hasher_, clock_, auth_.credentials()};
  AccountSecurity accounts_security_{auth_,   directory_,
                                     users_,  accounts_,
                                     hasher_, MessageCatalogs::Compiled(),
                                     clock_,  {.portal_url = "https://partners.example"}};
};

TEST_F(AccountSecurityTest, APasswordChangesWithTheCurrentOneAndSignsOutElsewhere) {
  absl::StatusOr<LoginResult> here = SignIn("rep@alpha.example", kPassword);
  absl::StatusOr<LoginResult> phone = SignIn("rep@alpha.example", kPassword);
  ASSERT_THAT(here.status(), IsOk());
  ASSERT_THAT(phone.status(), IsOk());
  const Principal& me = here->principal;

  const struct {
    const char* name;
    const char* current;
    const char* next;
    const char* field;
    const char* message;
  } kBad[] = {
      {"no current password", "", kNewPassword, "current_password", "required"},
      {"too short", kPassword, "short", "new_password", "12 to 128"},
      {"too long", kPassword, "", "new_password", "12 to 128"},
      {"the same", kPassword, kPassword, "new_password", "must differ from the current password"},
      {"wrong current", "not-my-password", kNewPassword, "current_password",
       "is not your current password"},
  };
  for (const auto& c : kBad) {
    const std::string next = std::string(c.name) == "too long" ? std::string(129, 'x') : c.next;
    absl::Status status = Change(me, c.current, next);
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.name;
    EXPECT_THAT(ViolatedFields(status), ElementsAre(c.field)) << c.name;
  }
  // The refusals left both sessions alone.
  EXPECT_THAT(auth_.Authenticate(phone->token).status(), IsOk());

  cim::v1::ChangePasswordRequest request;
  request.set_current_password(kPassword);
  request.set_new_password(kNewPassword);
  absl::StatusOr<cim::v1::ChangePasswordResponse> changed =
      accounts_security_.ChangePassword(me, request);
  ASSERT_THAT(changed.status(), IsOk());
  EXPECT_EQ(changed->ended_sessions(), 1);
  EXPECT_THAT(auth_.Authenticate(here->token).status(), IsOk());
  EXPECT_THAT(auth_.Authenticate(phone->token), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(SignIn("rep@alpha.example", kPassword), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(SignIn("rep@alpha.example", kNewPassword).status(), IsOk());

  EXPECT_THAT(Change(As(service_), kPassword, kNewPassword),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(AccountSecurityTest, WrongCurrentPasswordsCountTowardTheLockout) {
  absl::StatusOr<LoginResult> here = SignIn("rep@alpha.example", kPassword);
  ASSERT_THAT(here.status(), IsOk());
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(Change(here->principal, "guess-number-" + std::to_string(i), kNewPassword),
                StatusIs(absl::StatusCode::kInvalidArgument));
  }
  EXPECT_THAT(Change(here->principal, kPassword, kNewPassword),
              StatusIs(absl::StatusCode::kResourceExhausted));
  // Still signed in: a wrong password in the form is no reason to end the session.
  EXPECT_THAT(auth_.Authenticate(here->token).status(), IsOk());
}

TEST_F(AccountSecurityTest, AResetLinkGoesByEmailWorksOnceAndSignsOutEverywhere) {
  // Nobody learns which addresses have accounts: the same answer, and no email.
  EXPECT_THAT(RequestReset("nobody@alpha.example"), IsOk());
  EXPECT_THAT(RequestReset("erp@vendor.example"), IsOk());
  EXPECT_EQ(Emails(), 0);
  absl::Status malformed = RequestReset("not-an-address");
  EXPECT_THAT(malformed, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(malformed), ElementsAre("email"));

  // Signed in somewhere, then locked out by someone guessing.
  absl::StatusOr<LoginResult> session = SignIn("rep@alpha.example", kPassword);
  ASSERT_THAT(session.status(), IsOk());
  for (int i = 0; i < 5; ++i) (void)SignIn("rep@alpha.example", "wrong-guess");
  ASSERT_THAT(SignIn("rep@alpha.example", kPassword),
              StatusIs(absl::StatusCode::kResourceExhausted));

  // Asked from a Dutch browser by someone who saved no language: the email is Dutch.
  ASSERT_THAT(RequestReset("  Rep@Alpha.example ", "nl"), IsOk());
  ASSERT_EQ(Emails(), 1);
  EXPECT_EQ(NewestEmail("to_address"), "rep@alpha.example");
  EXPECT_EQ(NewestEmail("subject"), "Stel je CIM-wachtwoord opnieuw in");
  EXPECT_THAT(NewestEmail("text_body"), HasSubstr("De link werkt één keer, 60 minuten lang."));
  EXPECT_THAT(NewestEmail("html_body"),
              HasSubstr("href=\"https://partners.example/reset-password/cimr_"));
  const std::string token = NewestResetToken();
  ASSERT_FALSE(token.empty()) << NewestEmail("text_body");
  // Only the hash is kept.
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM password_resets WHERE token_hash"
                                         " = SHA2('",
                                         token, "', 256)")),
            1);

  absl::Status bad = Reset("", "short");
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("token", "new_password"));
  EXPECT_THAT(Reset("cimr_forged"), StatusIs(absl::StatusCode::kFailedPrecondition,
                                             HasSubstr("expired or was used already")));

  ASSERT_THAT(Reset(token), IsOk());
  EXPECT_THAT(auth_.Authenticate(session->token), StatusIs(absl::StatusCode::kUnauthenticated));
  // The lockout is lifted: the new password works at once.
  EXPECT_THAT(SignIn("rep@alpha.example", kNewPassword).status(), IsOk());
  EXPECT_THAT(Reset(token, "another-good-password"),
              StatusIs(absl::StatusCode::kFailedPrecondition));

  // A link unused for an hour has expired.
  ASSERT_THAT(RequestReset("rep@alpha.example"), IsOk());
  const std::string late = NewestResetToken();
  clock_.Advance(absl::Hours(1));
  EXPECT_THAT(Reset(late), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(SignIn("rep@alpha.example", kNewPassword).status(), IsOk());
}

TEST_F(AccountSecurityTest, AtMostThreeLinksAnHourInTheirOwnLanguage) {
  ASSERT_THAT(database_.db().Run([&](soci::session& s) -> absl::Status {
    long long id = alpha_admin_.id();
    s << "UPDATE users SET language = 'nl' WHERE id = :id", soci::use(id);
    return absl::OkStatus();
  }),
              IsOk());
  for (int i = 0; i < 4; ++i) {
    EXPECT_THAT(RequestReset("admin@alpha.example", "en"), IsOk());
    clock_.Advance(absl::Minutes(5));
  }
  EXPECT_EQ(Emails(), 3);
  // The saved language wins over the browser's.
  EXPECT_EQ(NewestEmail("subject"), "Stel je CIM-wachtwoord opnieuw in");
  clock_.Advance(absl::Minutes(45));  // the first link was asked for an hour ago
  EXPECT_THAT(RequestReset("admin@alpha.example"), IsOk());
  EXPECT_EQ(Emails(), 4);
}

TEST_F(AccountSecurityTest, AnInvitationBringsALinkToChooseTheFirstPassword) {
  const auto invite = [&](const cim::v1::User& inviter, const std::string& email,
                          cim::v1::Role role, int64_t partner_id) {
    cim::v1::InviteUserRequest request;
    request.mutable_user()->set_email(email);
    request.mutable_user()->set_display_name("Nora Visser");
    request.mutable_user()->set_role(role);
    request.mutable_user()->set_partner_id(partner_id);
    return accounts_security_.InviteUser(As(inviter), request, "en");
  };
  absl::StatusOr<cim::v1::User> nora =
      invite(alpha_admin_, " Nora@Alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id());
  ASSERT_THAT(nora.status(), IsOk());
  EXPECT_EQ(nora->email(), "nora@alpha.example");
  EXPECT_EQ(nora->status(), cim::v1::USER_STATUS_ACTIVE);
  ASSERT_EQ(Emails(), 1);
  EXPECT_EQ(NewestEmail("subject"), "admin invited you to the CIM partner portal");
  EXPECT_THAT(NewestEmail("text_body"),
              HasSubstr("partner portal for Alpha GmbH, where you see your programs, points and "
                        "rewards. Choose a password to sign in with nora@alpha.example. The link "
                        "works for 7 days."));
  EXPECT_THAT(NewestEmail("text_body"), HasSubstr("https://partners.example/welcome/cimr_"));
  const std::string token = NewestResetToken();
  // No password yet: nothing signs in.
  EXPECT_THAT(SignIn("nora@alpha.example", kPassword),
              StatusIs(absl::StatusCode::kUnauthenticated));

  // Who may invite whom is CreateUser's rule; the email is taken once.
  EXPECT_THAT(invite(alpha_admin_, "x@bravo.example", cim::v1::ROLE_PARTNER_REP, bravo_.id()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<cim::v1::User> service =
      invite(admin_, "sync@vendor.example", cim::v1::ROLE_SERVICE_ACCOUNT, 0);
  EXPECT_THAT(service, StatusIs(absl::StatusCode::kInvalidArgument,
                                HasSubstr("service accounts are not invited")));
  EXPECT_THAT(ViolatedFields(service.status()), ElementsAre("user.role"));
  EXPECT_THAT(invite(manager_, "nora@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id()),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(Emails(), 1);

  ASSERT_THAT(Reset(token), IsOk());
  EXPECT_THAT(SignIn("nora@alpha.example", kNewPassword).status(), IsOk());

  // An invitation that ran out is renewed by asking for a reset link.
  ASSERT_THAT(invite(admin_, "vince@vendor.example", cim::v1::ROLE_FINANCE, 0).status(), IsOk());
  EXPECT_THAT(NewestEmail("text_body"),
              HasSubstr("made you an account on the CIM partner portal."));
  const std::string late = NewestResetToken();
  clock_.Advance(absl::Hours(24 * 7));
  EXPECT_THAT(Reset(late), StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_THAT(RequestReset("vince@vendor.example"), IsOk());
  ASSERT_THAT(Reset(NewestResetToken()), IsOk());
  EXPECT_THAT(SignIn("vince@vendor.example", kNewPassword).status(), IsOk());
}

TEST_F(AccountSecurityTest, PeopleSeeAndEndTheirOwnSessionsAndSignIns) {
  absl::StatusOr<LoginResult> laptop =
      SignIn("rep@alpha.example", kPassword, "198.51.100.4", "Chrome/120.0 on Linux");
  clock_.Advance(absl::Minutes(1));
  EXPECT_THAT(SignIn("rep@alpha.example", "wrong-guess", "192.0.2.99", "curl/8.0"),
              StatusIs(absl::StatusCode::kUnauthenticated));
  clock_.Advance(absl::Minutes(1));
  absl::StatusOr<LoginResult> phone =
      SignIn("REP@alpha.example", kPassword, "203.0.113.7", "Safari/604.1");
  absl::StatusOr<LoginResult> bravo = SignIn("rep@bravo.example", kPassword);
  EXPECT_THAT(SignIn("nobody@alpha.example", kPassword),
              StatusIs(absl::StatusCode::kUnauthenticated));
  ASSERT_THAT(laptop.status(), IsOk());
  ASSERT_THAT(phone.status(), IsOk());
  ASSERT_THAT(bravo.status(), IsOk());
  const Principal& me = phone->principal;

  absl::StatusOr<cim::v1::ListSessionsResponse> sessions = accounts_security_.ListSessions(me);
  ASSERT_THAT(sessions.status(), IsOk());
  ASSERT_THAT(sessions->sessions(), SizeIs(2));
  EXPECT_EQ(sessions->sessions(0).id(), phone->principal.token_id);
  EXPECT_TRUE(sessions->sessions(0).current());
  EXPECT_EQ(sessions->sessions(0).address(), "203.0.113.7");
  EXPECT_EQ(sessions->sessions(0).agent(), "Safari/604.1");
  EXPECT_EQ(sessions->sessions(1).address(), "198.51.100.4");
  EXPECT_FALSE(sessions->sessions(1).current());
  EXPECT_EQ(sessions->sessions(1).expire_time().seconds(),
            absl::ToUnixSeconds(kT0 + absl::Hours(12)));

  // Another person's session is as good as absent.
  EXPECT_THAT(accounts_security_.EndSession(me, bravo->principal.token_id),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(accounts_security_.EndSession(me, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("session_id")));
  ASSERT_THAT(accounts_security_.EndSession(me, laptop->principal.token_id), IsOk());
  EXPECT_THAT(auth_.Authenticate(laptop->token), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(accounts_security_.EndSession(me, laptop->principal.token_id),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(accounts_security_.ListSessions(me)->sessions(), SizeIs(1));
  EXPECT_THAT(auth_.Authenticate(bravo->token).status(), IsOk());

  // Sign-ins, newest first, a page at a time; the unknown email's attempt is nobody's.
  cim::v1::ListSignInsRequest page;
  page.set_page_size(2);
  absl::StatusOr<cim::v1::ListSignInsResponse> first = accounts_security_.ListSignIns(me, page);
  ASSERT_THAT(first.status(), IsOk());
  ASSERT_THAT(first->sign_ins(), SizeIs(2));
  EXPECT_EQ(first->sign_ins(0).outcome(), cim::v1::SIGN_IN_OUTCOME_SIGNED_IN);
  EXPECT_EQ(first->sign_ins(0).address(), "203.0.113.7");
  EXPECT_EQ(first->sign_ins(1).outcome(), cim::v1::SIGN_IN_OUTCOME_REFUSED);
  EXPECT_EQ(first->sign_ins(1).agent(), "curl/8.0");
  EXPECT_EQ(first->sign_ins(1).time().seconds(), absl::ToUnixSeconds(kT0 + absl::Minutes(1)));
  page.set_page_token(first->next_page_token());
  absl::StatusOr<cim::v1::ListSignInsResponse> second = accounts_security_.ListSignIns(me, page);
  ASSERT_THAT(second.status(), IsOk());
  ASSERT_THAT(second->sign_ins(), SizeIs(1));
  EXPECT_EQ(second->sign_ins(0).address(), "198.51.100.4");
  EXPECT_EQ(second->next_page_token(), "");
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM sign_ins WHERE user_id IS NULL"
                            " AND email = 'nobody@alpha.example' AND outcome = 2"),
            1);
  EXPECT_THAT(accounts_security_.ListSessions(As(service_)),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace cim
