// Bearer secrets: 256-bit random values with a readable prefix, stored only as a SHA-256 hash.
#ifndef CIM_SERVER_IDENTITY_ACCESS_TOKEN_H_
#define CIM_SERVER_IDENTITY_ACCESS_TOKEN_H_

#include <string>

#include "absl/strings/string_view.h"

namespace cim {

struct NewSecret {
  std::string secret;  // given to the client once, e.g. "cims_<43 base64url chars>"
  std::string hash;    // what the database keeps
};

// Session tokens start "cims_", API keys "cimk_", password reset links' tokens "cimr_" (so
// leaked secrets are recognisable).
inline constexpr absl::string_view kSessionTokenPrefix = "cims_";
inline constexpr absl::string_view kApiKeyPrefix = "cimk_";
inline constexpr absl::string_view kResetTokenPrefix = "cimr_";

// Returns a fresh 256-bit random secret with `prefix` and its hash.
NewSecret GenerateSecret(absl::string_view prefix);

// Returns the hash under which `secret` is stored.
std::string HashSecret(absl::string_view secret);

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_ACCESS_TOKEN_H_
