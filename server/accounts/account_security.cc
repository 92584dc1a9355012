#include "server/accounts/account_security.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/pagination.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "server/identity/access_token.h"

namespace cim {
namespace {

// The language to write to `user` in: their saved one, else the request's, else English.
std::string ReaderLanguage(const User& user, absl::string_view request_language) {
  if (!user.language().empty()) return user.language();
  return request_language.empty() ? "en" : std::string(request_language);
}

}  // namespace

AccountSecurity::AccountSecurity(Authenticator& auth, PartnerDirectory& directory,
                                 UserRepository& users, AccountSecurityRepository& accounts,
                                 const PasswordHasher& hasher, const MessageCatalogs& catalogs,
                                 const Clock& clock, AccountSecurityOptions options)
    : auth_(auth),
      directory_(directory),
      users_(users),
      accounts_(accounts),
      hasher_(hasher),
      catalogs_(catalogs),
      clock_(clock),
      options_(std::move(options)) {}

absl::StatusOr<cim::v1::ChangePasswordResponse> AccountSecurity::ChangePassword(
    const Principal& caller, const cim::v1::ChangePasswordRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  if (request.current_password().empty()) errors.Add("current_password", "required");
  ValidateNewPassword(request.new_password(), "new_password", errors);
  if (!request.new_password().empty() && request.new_password() == request.current_password()) {
    errors.Add("new_password", "must differ from the current password");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(
      auth_.CheckOwnPassword(caller, request.current_password(), "current_password"));
  CIM_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(request.new_password()));
  CIM_ASSIGN_OR_RETURN(const int ended,
                       accounts_.SetPassword(caller.user_id, hash, caller.token_id, clock_.Now()));
  auth_.credentials().Clear();
  cim::v1::ChangePasswordResponse response;
  response.set_ended_sessions(ended);
  return response;
}

absl::Status AccountSecurity::RequestPasswordReset(
    const cim::v1::RequestPasswordResetRequest& request, absl::string_view language) {
  const std::string email = NormalizeEmail(request.email());
  if (!IsEmailAddress(email)) {
    FieldErrors errors;
    errors.Add("email", "a valid email address is required");
    return errors.ToStatus();
  }
  absl::StatusOr<UserRecord> record = users_.GetByEmail(email);
  if (absl::IsNotFound(record.status())) return absl::OkStatus();
  if (!record.ok()) return record.status();
  // A person invited who never chose a password gets a link too: it renews the invitation.
  const User& user = record->user;
  if (user.status() != cim::v1::USER_STATUS_ACTIVE ||
      user.role() == cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::OkStatus();
  }
  const absl::Time now = clock_.Now();
  CIM_ASSIGN_OR_RETURN(const int recent,
                       accounts_.CountResetsSince(user.id(), now - absl::Hours(1)));
  if (recent >= options_.max_reset_links_per_hour) return absl::OkStatus();
  NewSecret secret = GenerateSecret(kResetTokenPrefix);
  const std::string reader = ReaderLanguage(user, language);
  const Wording text(catalogs_, reader);
  const AccountEmail content{
      .subject = text("email.password_reset.subject", {{"product", MessageArg::Text("CIM")}}),
      .body = text("email.password_reset.body",
                   {{"email", MessageArg::Text(user.email())},
                    {"minutes", MessageArg::Count(absl::ToInt64Minutes(options_.reset_link_ttl))}}),
      .button = text("email.password_reset.button"),
      .url = absl::StrCat(options_.portal_url, "/reset-password/", secret.secret),
      .note = text("email.password_reset.ignore")};
  return accounts_.CreateReset({.user_id = user.id(),
                                .purpose = PasswordLinkPurpose::kReset,
                                .token_hash = secret.hash,
                                .created_at = now,
                                .expires_at = now + options_.reset_link_ttl,
                                .email = LinkEmail(user, reader, content, secret.hash, now)});
}

absl::StatusOr<User> AccountSecurity::InviteUser(const Principal& caller,
                                                 const cim::v1::InviteUserRequest& request,
                                                 absl::string_view language) {
  CIM_ASSIGN_OR_RETURN(User user, directory_.NewInvitedUser(caller, request.user()));
  std::string partner;
  if (user.partner_id() != 0) {
    CIM_ASSIGN_OR_RETURN(const Partner invited_to,
                         directory_.GetPartner(caller, user.partner_id()));
    partner = invited_to.name();
  }
  const absl::Time now = clock_.Now();
  NewSecret secret = GenerateSecret(kResetTokenPrefix);
  const std::string reader = ReaderLanguage(user, language);
  const Wording text(catalogs_, reader);
  const MessageArgs args = {
      {"inviter", MessageArg::Text(caller.display_name)},
      {"product", MessageArg::Text("CIM")},
      {"partner", MessageArg::Text(partner)},
      {"email", MessageArg::Text(user.email())},
      {"days", MessageArg::Count(absl::ToInt64Hours(options_.invitation_link_ttl) / 24)}};
  const AccountEmail content{
      .subject = text("email.invitation.subject", args),
      .body =
          text(partner.empty() ? "email.invitation.body" : "email.invitation.body_partner", args),
      .button = text("email.invitation.button"),
      .url = absl::StrCat(options_.portal_url, "/welcome/", secret.secret),
      .note = text("email.invitation.ignore")};
  return accounts_.Invite(user, {.purpose = PasswordLinkPurpose::kInvitation,
                                 .token_hash = secret.hash,
                                 .created_at = now,
                                 .expires_at = now + options_.invitation_link_ttl,
                                 .email = LinkEmail(user, reader, content, secret.hash, now)});
}

NewEmail AccountSecurity::LinkEmail(const User& user, absl::string_view language,
                                    const AccountEmail& content, const std::string& token_hash,
                                    absl::Time now) const {
  const EmailContent email = ComposeAccountEmail(catalogs_, language, user.display_name(), content);
  return NewEmail{.user_id = user.id(),
                  .dedupe_key = absl::StrCat("password-link:", token_hash),
                  .to_address = user.email(),
                  .to_name = user.display_name(),
                  .subject = email.subject,
                  .text = email.text,
                  .html = email.html,
                  .now = now};
}

absl::Status AccountSecurity::ResetPassword(const cim::v1::ResetPasswordRequest& request) {
  FieldErrors errors;
  if (request.token().empty()) errors.Add("token", "required");
  ValidateNewPassword(request.new_password(), "new_password", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(request.new_password()));
  CIM_ASSIGN_OR_RETURN(const int64_t user_id,
                       accounts_.UseReset(HashSecret(request.token()), hash, clock_.Now()));
  auth_.credentials().Clear();
  // Whoever holds the link holds the mailbox: the lockout of repeated failures is lifted.
  CIM_ASSIGN_OR_RETURN(UserRecord user, users_.Get(user_id));
  return auth_.ClearLockout(user.user.email());
}

absl::StatusOr<cim::v1::ListSessionsResponse> AccountSecurity::ListSessions(
    const Principal& caller) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  CIM_ASSIGN_OR_RETURN(std::vector<AccessTokenRecord> sessions,
                       accounts_.ListSessions(caller.user_id, clock_.Now()));
  cim::v1::ListSessionsResponse response;
  for (const AccessTokenRecord& s : sessions) {
    cim::v1::Session* out = response.add_sessions();
    out->set_id(s.id);
    SetTimestamp(s.created_at, out->mutable_create_time());
    SetTimestamp(s.expires_at, out->mutable_expire_time());
    out->set_address(s.address);
    out->set_agent(s.agent);
    out->set_current(s.id == caller.token_id);
  }
  return response;
}

absl::Status AccountSecurity::EndSession(const Principal& caller, int64_t session_id) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  CIM_RETURN_IF_ERROR(RequireId(session_id, "session_id"));
  CIM_RETURN_IF_ERROR(accounts_.EndSession(caller.user_id, session_id, clock_.Now()));
  auth_.credentials().Clear();
  return absl::OkStatus();
}

absl::StatusOr<cim::v1::ListSignInsResponse> AccountSecurity::ListSignIns(
    const Principal& caller, const cim::v1::ListSignInsRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t before, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(std::vector<SignInRecord> records,
                       accounts_.ListSignIns(caller.user_id, before, page_size + 1));
  std::vector<cim::v1::SignIn> rows;
  for (const SignInRecord& r : records) {
    cim::v1::SignIn& out = rows.emplace_back();
    out.set_id(r.id);
    SetTimestamp(r.at, out.mutable_time());
    out.set_address(r.address);
    out.set_agent(r.agent);
    out.set_outcome(r.outcome);
  }
  cim::v1::ListSignInsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_sign_ins(), request));
  return response;
}

}  // namespace cim
