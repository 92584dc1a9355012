#include "server/identity/password_hasher.h"

#include <sodium.h>

#include <cstdlib>
#include <string>

#include "lib/phrase.h"
#include "lib/text_field.h"

namespace cim {
namespace {

constexpr size_t kMinPasswordChars = 12;
constexpr size_t kMaxPasswordChars = 128;

}  // namespace

void ValidateNewPassword(absl::string_view password, absl::string_view field, FieldErrors& errors) {
  const size_t chars = CodePoints(password);
  if (chars < kMinPasswordChars || chars > kMaxPasswordChars) {
    errors.Add(std::string(field), Phrase("error.chars_between")
                                       .Count("min", kMinPasswordChars)
                                       .Count("max", kMaxPasswordChars));
  }
}

PasswordHashParams PasswordHashParams::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHashParams PasswordHashParams::Minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(PasswordHashParams params) : params_(params) {
  if (sodium_init() < 0) std::abort();  // no usable randomness: nothing is safe to do
  unsigned char random[32];
  randombytes_buf(random, sizeof(random));
  auto decoy = Hash(absl::string_view(reinterpret_cast<const char*>(random), sizeof(random)));
  if (!decoy.ok()) std::abort();
  decoy_hash_ = *std::move(decoy);
}

absl::StatusOr<std::string> PasswordHasher::Hash(absl::string_view password) const {
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), params_.opslimit,
                                 params_.memlimit) != 0) {
    return absl::ResourceExhaustedError("out of memory while hashing a password");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(absl::string_view encoded_hash, absl::string_view password) const {
  const std::string hash(encoded_hash);  // crypto_pwhash_str_verify needs NUL termination
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace cim
