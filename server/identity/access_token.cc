#include "server/identity/access_token.h"

#include <sodium.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "lib/sha256.h"

namespace cim {

NewSecret GenerateSecret(absl::string_view prefix) {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof(bytes));
  std::string secret =
      absl::StrCat(prefix, absl::WebSafeBase64Escape(absl::string_view(
                               reinterpret_cast<const char*>(bytes), sizeof(bytes))));
  sodium_memzero(bytes, sizeof(bytes));
  std::string hash = HashSecret(secret);
  return {std::move(secret), std::move(hash)};
}

std::string HashSecret(absl::string_view secret) { return Sha256Hex(secret); }

}  // namespace cim
