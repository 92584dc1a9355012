// What keeps a person's account safe: an invitation by email to choose a first password,
// changing the password, resetting a forgotten one by an emailed single-use link, the sessions
// signed in (listed, ended) and the record of every sign-in. Pure C++ over the repositories; clock
// injected.
#ifndef CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_H_
#define CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cim/v1/auth_service.pb.h"
#include "lib/clock.h"
#include "lib/messages.h"
#include "lib/principal.h"
#include "server/accounts/account_security_repository.h"
#include "server/identity/authenticator.h"
#include "server/identity/partner_directory.h"
#include "server/identity/password_hasher.h"
#include "server/identity/user_repository.h"
#include "server/notification/notification_rules.h"

namespace cim {

struct AccountSecurityOptions {
  // The portal's address, for the link in a reset email ("https://partners.example.com").
  std::string portal_url = "http://127.0.0.1:8080";
  absl::Duration reset_link_ttl = absl::Hours(1);
  absl::Duration invitation_link_ttl = absl::Hours(24 * 7);
  // Reset links one account gets per hour at most; more requests are answered but send nothing.
  int max_reset_links_per_hour = 3;
};

class AccountSecurity {
 public:
  AccountSecurity(Authenticator& auth, PartnerDirectory& directory, UserRepository& users,
                  AccountSecurityRepository& accounts, const PasswordHasher& hasher,
                  const MessageCatalogs& catalogs, const Clock& clock,
                  AccountSecurityOptions options);

  // People (not service accounts). INVALID_ARGUMENT for a missing current password, a new one
  // of the wrong length or the same as the current; UNAUTHENTICATED if the current password is
  // wrong (counted against the lockout), RESOURCE_EXHAUSTED while locked out. Ends every other
  // session of the caller.
  absl::StatusOr<cim::v1::ChangePasswordResponse> ChangePassword(
      const Principal& caller, const cim::v1::ChangePasswordRequest& request);

  // Invites a person by email (PartnerDirectory::NewInvitedUser says who may invite whom): the
  // user, without a password, and a link valid for invitation_link_ttl with its email in
  // `language` (the inviter's), in one transaction. ALREADY_EXISTS for a taken email.
  absl::StatusOr<User> InviteUser(const Principal& caller,
                                  const cim::v1::InviteUserRequest& request,
                                  absl::string_view language);

  // Anyone. Queues a reset link's email in the person's language (else `language`, the
  // request's) when the email is an active person's and they have had fewer than
  // max_reset_links_per_hour links in the last hour; OK in every case but a malformed email.
  absl::Status RequestPasswordReset(const cim::v1::RequestPasswordResetRequest& request,
                                    absl::string_view language);

  // Anyone with a link's token. INVALID_ARGUMENT for a missing token or a new password of the
  // wrong length; FAILED_PRECONDITION for a token unknown, used or expired, or an account no
  // longer active. Ends every session of the account and lifts its lockout.
  absl::Status ResetPassword(const cim::v1::ResetPasswordRequest& request);

  // The caller's own sessions and sign-ins.
  absl::StatusOr<cim::v1::ListSessionsResponse> ListSessions(const Principal& caller);
  absl::Status EndSession(const Principal& caller, int64_t session_id);
  absl::StatusOr<cim::v1::ListSignInsResponse> ListSignIns(
      const Principal& caller, const cim::v1::ListSignInsRequest& request);

 private:
  // The email that brings `user` `content` (its texts and link), whose link's token hashes to
  // `token_hash`.
  NewEmail LinkEmail(const User& user, absl::string_view language, const AccountEmail& content,
                     const std::string& token_hash, absl::Time now) const;

  Authenticator& auth_;
  PartnerDirectory& directory_;
  UserRepository& users_;
  AccountSecurityRepository& accounts_;
  const PasswordHasher& hasher_;
  const MessageCatalogs& catalogs_;
  const Clock& clock_;
  AccountSecurityOptions options_;
};

}  // namespace cim

#endif  // CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_H_
