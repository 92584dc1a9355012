// Authentication rules: password login with throttling, bearer-token resolution, logout and
// API keys for service accounts. Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_IDENTITY_AUTHENTICATOR_H_
#define CIM_SERVER_IDENTITY_AUTHENTICATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cim/v1/auth_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/access_token_repository.h"
#include "server/identity/credential_cache.h"
#include "server/identity/login_policy.h"
#include "server/identity/login_throttle_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/password_hasher.h"
#include "server/identity/secret_sealer.h"
#include "server/identity/sign_in_log.h"
#include "server/identity/two_step_repository.h"
#include "server/identity/user_repository.h"

namespace cim {

struct AuthConfig {
  absl::Duration session_ttl = absl::Hours(12);
  // How long a resolved credential is reused without asking the database (see
  // CredentialCache); zero resolves every call afresh.
  absl::Duration credential_cache_ttl = absl::Seconds(1);
  LoginPolicy login_policy;
  // Roles whose people must sign in with a second step (an authenticator app's code): until
  // they have set it up, their sessions may only set it up.
  std::vector<Role> two_step_roles = {cim::v1::ROLE_FINANCE, cim::v1::ROLE_PROGRAM_ADMIN};
};

struct LoginResult {
  std::string token;
  absl::Time expires_at;
  Principal principal;
};

struct IssuedApiKey {
  int64_t key_id = 0;
  std::string api_key;
  absl::Time expires_at;
};

// Where a sign-in comes from: the client's address (as the gateway forwarded it, else the
// caller's peer) and its browser's User-Agent.
struct SignInOrigin {
  std::string address;
  std::string agent;
};

// OK for a person; PERMISSION_DENIED for a service account, which has no password, sessions or
// second step of its own to manage.
absl::Status RequirePerson(const Principal& caller);

// Lowercases and trims an email address.
std::string NormalizeEmail(absl::string_view email);

class Authenticator {
 public:
  Authenticator(PartnerRepository& partners, UserRepository& users, AccessTokenRepository& tokens,
                LoginThrottleRepository& throttle, SignInLog& sign_ins, TwoStepRepository& two_step,
                const PasswordHasher& hasher, const SecretSealer& sealer, const Clock& clock,
                AuthConfig config);

  // Returns a new session for a correct email and password, and for a person with two-step
  // sign-in on, a `one_time_code` that is their authenticator's current code (each code is good
  // once) or one of their unused recovery codes (used up by it). INVALID_ARGUMENT (field
  // details) for empty fields, and once the password is right, for a missing, wrong or used
  // one_time_code; UNAUTHENTICATED "invalid email or password" for a wrong password, an unknown
  // email, a disabled user or a service account — with the same password-hash work in every
  // case; RESOURCE_EXHAUSTED while the email is locked out (wrong codes count toward it as
  // wrong passwords do). Every attempt with both fields is recorded with its outcome and
  // `origin`, which the session also keeps; one that stops only to ask for the code is not.
  absl::StatusOr<LoginResult> Login(absl::string_view email, absl::string_view password,
                                    absl::string_view one_time_code = "",
                                    const SignInOrigin& origin = {});

  // The active person `email` (normalised) names, if `password` is theirs: the check Login
  // makes, counted against the email's lockout the same way.
  absl::StatusOr<UserRecord> CheckPassword(const std::string& email, absl::string_view password);

  // OK if `password` is the caller's own (a person's) current password: the check a form makes
  // before a change to the caller's account. A wrong or empty one is the form's field error,
  // INVALID_ARGUMENT on `field`, not the session's (counted against the lockout as a wrong
  // sign-in is); RESOURCE_EXHAUSTED while locked out; PERMISSION_DENIED for a service account.
  absl::Status CheckOwnPassword(const Principal& caller, absl::string_view password,
                                const char* field);

  // True if people of `role` must sign in with a second step.
  bool RequiresTwoStep(Role role) const;
  // Forgets the failures counted against `email` (normalised).
  absl::Status ClearLockout(const std::string& email) { return throttle_.Clear(email); }

  // Resolves a bearer token or API key to its principal. UNAUTHENTICATED if it is unknown,
  // expired or revoked, or its user is disabled or its partner suspended (changes made
  // through another server count after at most config.credential_cache_ttl).
  absl::StatusOr<Principal> Authenticate(absl::string_view bearer);

  // Revokes the credential the principal called with.
  absl::Status Logout(const Principal& principal);

  // Issues an API key for the service account `user_id` (program admins only).
  // INVALID_ARGUMENT for a bad description or ttl; FAILED_PRECONDITION if the user is not an
  // active service account; NOT_FOUND if it does not exist.
  absl::StatusOr<IssuedApiKey> IssueApiKey(const Principal& caller, int64_t user_id,
                                           absl::string_view description, int ttl_days);

  // Program admins: API keys, newest first, of one service account or (user_id 0) all.
  absl::StatusOr<cim::v1::ListApiKeysResponse> ListApiKeys(
      const Principal& caller, const cim::v1::ListApiKeysRequest& request);

  // Revokes an API key (program admins only). NOT_FOUND if there is no API key `key_id`.
  absl::Status RevokeApiKey(const Principal& caller, int64_t key_id);

  // The cache of resolved credentials, for whatever else changes who may call.
  CredentialCache& credentials() { return credentials_; }

 private:
  // Login's work once its request is valid: the password, the second step, then a new session
  // for `origin`. Sets `code_refused` when the password was right and the code was not.
  absl::StatusOr<LoginResult> StartSession(const std::string& email, absl::string_view password,
                                           absl::string_view one_time_code,
                                           const SignInOrigin& origin, bool& code_refused);
  // CheckPassword without forgetting the failures counted against `email` on success.
  absl::StatusOr<UserRecord> CheckPasswordCounted(const std::string& email,
                                                  absl::string_view password);
  // OK if `user` has no two-step sign-in, or `code` is their current code or an unused
  // recovery code (which it uses up); INVALID_ARGUMENT on one_time_code otherwise, with
  // `refused` set for a code given and wrong. Sets `enabled` when two-step sign-in is on.
  absl::Status CheckSecondStep(const User& user, absl::string_view code, bool& refused,
                               bool& enabled);
  // The principal of an active user (partner name included). UNAUTHENTICATED if the user is
  // disabled or its partner is not active.
  absl::StatusOr<Principal> PrincipalFor(const User& user);

  PartnerRepository& partners_;
  UserRepository& users_;
  AccessTokenRepository& tokens_;
  LoginThrottleRepository& throttle_;
  SignInLog& sign_ins_;
  TwoStepRepository& two_step_;
  const PasswordHasher& hasher_;
  const SecretSealer& sealer_;
  const Clock& clock_;
  AuthConfig config_;
  CredentialCache credentials_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_AUTHENTICATOR_H_
