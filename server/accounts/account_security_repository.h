// Storage of what keeps an account safe: sign-in records, a person's sessions, password changes
// and password reset links (hashes only).
#ifndef CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_REPOSITORY_H_
#define CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/auth_service.pb.h"
#include "server/identity/access_token_repository.h"
#include "server/identity/sign_in_log.h"
#include "server/identity/user_repository.h"
#include "server/notification/email_outbox.h"

namespace cim {

// What a link that sets a password is for.
enum class PasswordLinkPurpose { kReset = 1, kInvitation = 2 };

// A link that sets a password (a reset, an invitation) to store, with the email that carries
// it.
struct NewPasswordReset {
  int64_t user_id = 0;
  PasswordLinkPurpose purpose = PasswordLinkPurpose::kReset;
  std::string token_hash;
  absl::Time created_at;
  absl::Time expires_at;
  NewEmail email;
};

// The sign-in log (server/identity/sign_in_log.h) is part of it.
class AccountSecurityRepository : public SignInLog {
 public:
  // The user's sign-in records with id < before_id (0: from the newest), newest first.
  virtual absl::StatusOr<std::vector<SignInRecord>> ListSignIns(int64_t user_id, int64_t before_id,
                                                                int limit) = 0;
  // The user's sessions neither revoked nor expired at `now`, newest first.
  virtual absl::StatusOr<std::vector<AccessTokenRecord>> ListSessions(int64_t user_id,
                                                                      absl::Time now) = 0;
  // Revokes the user's session `session_id` at `now`. NOT_FOUND if it is not one of their
  // sessions or has ended.
  virtual absl::Status EndSession(int64_t user_id, int64_t session_id, absl::Time now) = 0;
  // In one transaction: the user's new password hash, and each of their sessions that has not
  // ended revoked but `keep_session_id` (0: all). Returns the sessions ended.
  virtual absl::StatusOr<int> SetPassword(int64_t user_id, const std::string& password_hash,
                                          int64_t keep_session_id, absl::Time now) = 0;
  // In one transaction: `user` created without a password (ALREADY_EXISTS for a taken email),
  // and the link (whose user_id, and its email's, become the new user's) with its email.
  // Returns the user as stored.
  virtual absl::StatusOr<User> Invite(const User& user, NewPasswordReset link) = 0;
  // The reset links made for the user at or after `since`.
  virtual absl::StatusOr<int> CountResetsSince(int64_t user_id, absl::Time since) = 0;
  // In one transaction: stores the link and queues its email.
  virtual absl::Status CreateReset(const NewPasswordReset& reset) = 0;
  // In one transaction: uses up the link `token_hash` if it is unused, expires after `now` and
  // its user is active, sets that user's password hash and ends all their sessions. Returns the
  // user's id; FAILED_PRECONDITION if the link cannot be used.
  virtual absl::StatusOr<int64_t> UseReset(const std::string& token_hash,
                                           const std::string& password_hash, absl::Time now) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ACCOUNTS_ACCOUNT_SECURITY_REPOSITORY_H_
