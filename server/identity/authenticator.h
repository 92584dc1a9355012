// Authentication rules: password login with throttling, bearer-token resolution, logout and
// API keys for service accounts. Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_IDENTITY_AUTHENTICATOR_H_
#define CIM_SERVER_IDENTITY_AUTHENTICATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/access_token_repository.h"
#include "server/identity/credential_cache.h"
#include "server/identity/login_policy.h"
#include "server/identity/login_throttle_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/password_hasher.h"
#include "server/identity/user_repository.h"

namespace cim {

struct AuthConfig {
  absl::Duration session_ttl = absl::Hours(12);
  // How long a resolved credential is reused without asking the database (see
  // CredentialCache); zero resolves every call afresh.
  absl::Duration credential_cache_ttl = absl::Seconds(1);
  LoginPolicy login_policy;
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

// Lowercases and trims an email address.
std::string NormalizeEmail(absl::string_view email);

class Authenticator {
 public:
  Authenticator(PartnerRepository& partners, UserRepository& users, AccessTokenRepository& tokens,
                LoginThrottleRepository& throttle, const PasswordHasher& hasher, const Clock& clock,
                AuthConfig config);

  // Returns a new session for a correct email and password. INVALID_ARGUMENT (field details)
  // for empty fields; UNAUTHENTICATED "invalid email or password" for a wrong password, an
  // unknown email, a disabled user or a service account — with the same password-hash work in
  // every case; RESOURCE_EXHAUSTED while the email is locked out.
  absl::StatusOr<LoginResult> Login(absl::string_view email, absl::string_view password);

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

  // Revokes an API key (program admins only). NOT_FOUND if there is no API key `key_id`.
  absl::Status RevokeApiKey(const Principal& caller, int64_t key_id);

  // The cache of resolved credentials, for whatever else changes who may call.
  CredentialCache& credentials() { return credentials_; }

 private:
  // The principal of an active user (partner name included). UNAUTHENTICATED if the user is
  // disabled or its partner is not active.
  absl::StatusOr<Principal> PrincipalFor(const User& user);

  PartnerRepository& partners_;
  UserRepository& users_;
  AccessTokenRepository& tokens_;
  LoginThrottleRepository& throttle_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  AuthConfig config_;
  CredentialCache credentials_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_AUTHENTICATOR_H_
