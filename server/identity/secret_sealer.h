// Secrets the server must read back (two-step sign-in secrets) are stored sealed: encrypted and
// authenticated with XChaCha20-Poly1305 (libsodium) under a 256-bit key the operator keeps out of
// the database (--secrets_key_file), and bound to the row they belong to, so that a database
// dump or backup alone reveals none of them and a sealed value copied to another row does not
// open.
#ifndef CIM_SERVER_IDENTITY_SECRET_SEALER_H_
#define CIM_SERVER_IDENTITY_SECRET_SEALER_H_

#include <array>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim {

class SecretSealer {
 public:
  static constexpr size_t kKeyBytes = 32;

  using Key = std::array<unsigned char, kKeyBytes>;

  // Without a key, Seal and Open answer FAILED_PRECONDITION.
  explicit SecretSealer(std::optional<Key> key = std::nullopt) : key_(key) {}
  ~SecretSealer();
  SecretSealer(const SecretSealer&) = delete;
  SecretSealer& operator=(const SecretSealer&) = delete;

  // The key in `text`: 64 hexadecimal digits (surrounding whitespace ignored).
  // INVALID_ARGUMENT otherwise.
  static absl::StatusOr<Key> ParseKey(absl::string_view text);
  // The key in the file at `path`, which only its owner may read (mode 0600 or 0400: refused
  // otherwise, as ssh refuses a private key others can read). INVALID_ARGUMENT for a bad key
  // or mode, NOT_FOUND for a missing file.
  static absl::StatusOr<Key> ReadKeyFile(const std::string& path);

  bool has_key() const { return key_.has_value(); }

  // `secret` sealed for `context` (what it belongs to, e.g. "totp:42"), as printable text.
  absl::StatusOr<std::string> Seal(absl::string_view secret, absl::string_view context) const;
  // The secret `sealed` holds. FAILED_PRECONDITION without a key, and DATA_LOSS if it was not
  // sealed with this key for `context` or was altered.
  absl::StatusOr<std::string> Open(absl::string_view sealed, absl::string_view context) const;

 private:
  std::optional<Key> key_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_SECRET_SEALER_H_
