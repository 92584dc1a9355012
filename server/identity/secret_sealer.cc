#include "server/identity/secret_sealer.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace cim {
namespace {

// The format of a sealed value: "s1:" then base64 of nonce || ciphertext || tag.
constexpr absl::string_view kVersion = "s1:";
constexpr char kNoKey[] =
    "the server has no secrets key: start it with --secrets_key_file (64 hexadecimal digits)";

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

SecretSealer::~SecretSealer() {
  if (key_) sodium_memzero(key_->data(), key_->size());
}

absl::StatusOr<SecretSealer::Key> SecretSealer::ParseKey(absl::string_view text) {
  if (sodium_init() < 0) return absl::InternalError("libsodium cannot start");
  text = absl::StripAsciiWhitespace(text);
  Key key{};
  size_t length = 0;
  if (text.size() != 2 * kKeyBytes ||
      sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr) !=
          0 ||
      length != kKeyBytes) {
    return absl::InvalidArgumentError("the secrets key must be 64 hexadecimal digits");
  }
  return key;
}

absl::StatusOr<SecretSealer::Key> SecretSealer::ReadKeyFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return absl::NotFoundError(absl::StrCat("cannot read the secrets key file ", path));
  }
  if ((info.st_mode & 077) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("the secrets key file ", path, " may be read by others: chmod 600 it"));
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read the secrets key file ", path));
  absl::StatusOr<Key> key = ParseKey(text.str());
  if (!key.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", key.status().message(), " (e.g. openssl rand -hex 32)"));
  }
  return key;
}

absl::StatusOr<std::string> SecretSealer::Seal(absl::string_view secret,
                                               absl::string_view context) const {
  if (!key_) return absl::FailedPreconditionError(kNoKey);
  if (sodium_init() < 0) return absl::InternalError("libsodium cannot start");
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + secret.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long sealed_length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &sealed_length, Bytes(secret),
      secret.size(), Bytes(context), context.size(), nullptr, nonce, key_->data());
  return absl::StrCat(kVersion, absl::Base64Escape(box));
}

absl::StatusOr<std::string> SecretSealer::Open(absl::string_view sealed,
                                               absl::string_view context) const {
  if (!key_) return absl::FailedPreconditionError(kNoKey);
  std::string box;
  if (!absl::ConsumePrefix(&sealed, kVersion) || !absl::Base64Unescape(sealed, &box) ||
      box.size() < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
                       crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return absl::DataLossError("a sealed secret is malformed");
  }
  const auto* nonce = Bytes(box);
  const absl::string_view cipher =
      absl::string_view(box).substr(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  std::string secret(cipher.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long secret_length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(secret.data()), &secret_length, nullptr, Bytes(cipher),
          cipher.size(), Bytes(context), context.size(), nonce, key_->data()) != 0) {
    return absl::DataLossError(
        "a sealed secret does not open with this server's secrets key (another key, or altered)");
  }
  secret.resize(secret_length);
  return secret;
}

}  // namespace cim
