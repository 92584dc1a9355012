// Argon2id password hashing with libsodium's crypto_pwhash.
#ifndef CIM_SERVER_IDENTITY_PASSWORD_HASHER_H_
#define CIM_SERVER_IDENTITY_PASSWORD_HASHER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/status_util.h"

namespace cim {

// Adds a violation under `field` unless `password` is one a person may choose: 12 to 128
// characters.
void ValidateNewPassword(absl::string_view password, absl::string_view field, FieldErrors& errors);

struct PasswordHashParams {
  unsigned long long opslimit;
  size_t memlimit;
  // libsodium's interactive limits (production default).
  static PasswordHashParams Interactive();
  // libsodium's minimum limits: fast, for tests and demo seeding only.
  static PasswordHashParams Minimum();
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordHashParams params);

  // Returns an encoded Argon2id hash (algorithm, limits and salt included).
  // RESOURCE_EXHAUSTED if memory for hashing cannot be had.
  absl::StatusOr<std::string> Hash(absl::string_view password) const;

  // True if `password` matches `encoded_hash`. Takes as long as hashing with the encoded limits.
  bool Verify(absl::string_view encoded_hash, absl::string_view password) const;

  // A valid hash of a random password, for verifying against when there is no user, so that
  // unknown emails take as long as wrong passwords.
  const std::string& decoy_hash() const { return decoy_hash_; }

 private:
  PasswordHashParams params_;
  std::string decoy_hash_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_PASSWORD_HASHER_H_
