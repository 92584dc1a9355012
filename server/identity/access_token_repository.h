// Storage of session tokens and API keys (hashes only).
#ifndef CIM_SERVER_IDENTITY_ACCESS_TOKEN_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_ACCESS_TOKEN_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"

namespace cim {

enum class TokenKind { kSession = 1, kApiKey = 2 };

struct AccessTokenRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  TokenKind kind = TokenKind::kSession;
  std::string description;
  // Where a session was signed in from and with which browser (empty for API keys).
  std::string address;
  std::string agent;
  absl::Time created_at;
  absl::Time expires_at;
  std::optional<absl::Time> revoked_at;
};

// A token with its owner and the owner's partner, as every authenticated call needs them.
struct Credential {
  AccessTokenRecord token;
  cim::v1::User user;                       // id, email, display_name, role, partner_id, status
  std::optional<cim::v1::Partner> partner;  // id, name, status; none for vendor users
  bool two_step_enabled = false;            // the user has confirmed two-step sign-in
};

class AccessTokenRepository {
 public:
  virtual ~AccessTokenRepository() = default;
  // Stores a token by its hash; returns its id.
  virtual absl::StatusOr<int64_t> Insert(const std::string& token_hash,
                                         const AccessTokenRecord& record) = 0;
  // The token with its owner, in one round trip. NOT_FOUND if no token has this hash.
  virtual absl::StatusOr<Credential> FindCredential(const std::string& token_hash) = 0;
  // NOT_FOUND if no token has `id`.
  virtual absl::StatusOr<AccessTokenRecord> Get(int64_t id) = 0;
  // API keys of `user_id` (0: of anyone) with id < before_id (0: from the newest), newest
  // first.
  virtual absl::StatusOr<std::vector<AccessTokenRecord>> ListApiKeys(int64_t user_id,
                                                                     int64_t before_id,
                                                                     int limit) = 0;
  // Marks the token revoked at `now` (no-op if already revoked). NOT_FOUND if absent.
  virtual absl::Status Revoke(int64_t id, absl::Time now) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_ACCESS_TOKEN_REPOSITORY_H_
