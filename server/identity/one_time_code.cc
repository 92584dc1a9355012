#include "server/identity/one_time_code.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/sha256.h"

namespace cim {
namespace {

constexpr int kDigits = 6;
constexpr size_t kSecretBytes = 20;
// Recovery codes draw from letters and digits but 0, 1, l and o.
constexpr absl::string_view kRecoveryAlphabet = "23456789abcdefghijkmnpqrstuvwxyz";
constexpr int kRecoveryHalf = 5;

// liboath, initialised once for the process (it is thread-safe afterwards).
bool OathReady() {
  static const bool ready = [] {
    if (oath_init() != OATH_OK) return false;
    std::atexit([] { oath_done(); });
    return true;
  }();
  return ready;
}

// The raw secret `base32_secret` stands for, or nullopt.
std::optional<std::string> DecodeSecret(absl::string_view base32_secret) {
  if (!OathReady() || base32_secret.empty()) return std::nullopt;
  char* raw = nullptr;
  size_t raw_length = 0;
  const std::string text(base32_secret);
  if (oath_base32_decode(text.data(), text.size(), &raw, &raw_length) != OATH_OK) {
    return std::nullopt;
  }
  std::string out(raw, raw_length);
  sodium_memzero(raw, raw_length);
  free(raw);
  if (out.empty()) return std::nullopt;
  return out;
}

time_t UnixSeconds(absl::Time t) { return static_cast<time_t>(absl::ToUnixSeconds(t)); }

// `s` for a URI's label or query value: RFC 3986's unreserved characters (and the '@' of an
// email) as they are, anything else percent-encoded.
std::string UriEscape(absl::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "%",
                      absl::AsciiStrToUpper(absl::StrCat(absl::Hex(c, absl::kZeroPad2))));
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  if (sodium_init() < 0) std::abort();  // no usable randomness: nothing is safe to do
  unsigned char bytes[kSecretBytes];
  randombytes_buf(bytes, sizeof(bytes));
  char* encoded = nullptr;
  size_t encoded_length = 0;
  std::string out;
  if (OathReady() && oath_base32_encode(reinterpret_cast<const char*>(bytes), sizeof(bytes),
                                        &encoded, &encoded_length) == OATH_OK) {
    out.assign(encoded, encoded_length);
    free(encoded);
  }
  sodium_memzero(bytes, sizeof(bytes));
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

std::string TotpCode(absl::string_view base32_secret, absl::Time at) {
  std::optional<std::string> secret = DecodeSecret(base32_secret);
  if (!secret) return "";
  char code[kDigits + 1] = {};
  const int rc =
      oath_totp_generate(secret->data(), secret->size(), UnixSeconds(at),
                         static_cast<unsigned>(absl::ToInt64Seconds(kTotpStep)), 0, kDigits, code);
  sodium_memzero(secret->data(), secret->size());
  return rc == OATH_OK ? std::string(code) : "";
}

std::optional<int64_t> MatchTotpCode(absl::string_view base32_secret, absl::string_view code,
                                     absl::Time now, int64_t after_step) {
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != kDigits) return std::nullopt;
  std::optional<std::string> secret = DecodeSecret(base32_secret);
  if (!secret) return std::nullopt;
  int position = 0;
  uint64_t step = 0;
  const int rc = oath_totp_validate3(secret->data(), secret->size(), UnixSeconds(now),
                                     static_cast<unsigned>(absl::ToInt64Seconds(kTotpStep)), 0,
                                     /*window=*/1, &position, &step, digits.c_str());
  sodium_memzero(secret->data(), secret->size());
  if (rc < 0) return std::nullopt;
  if (static_cast<int64_t>(step) <= after_step) return std::nullopt;
  return static_cast<int64_t>(step);
}

std::string OtpAuthUri(absl::string_view issuer, absl::string_view account,
                       absl::string_view base32_secret) {
  return absl::StrCat("otpauth://totp/", UriEscape(issuer), ":", UriEscape(account),
                      "?secret=", base32_secret, "&issuer=", UriEscape(issuer),
                      "&algorithm=SHA1&digits=", kDigits,
                      "&period=", absl::ToInt64Seconds(kTotpStep));
}

std::vector<std::string> NewRecoveryCodes() {
  if (sodium_init() < 0) std::abort();
  std::vector<std::string> codes;
  codes.reserve(kRecoveryCodeCount);
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    std::string code;
    for (int j = 0; j < 2 * kRecoveryHalf; ++j) {
      if (j == kRecoveryHalf) code.push_back('-');
      code.push_back(kRecoveryAlphabet[randombytes_uniform(kRecoveryAlphabet.size())]);
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::optional<std::string> RecoveryCodeHash(absl::string_view code) {
  std::string plain;
  for (char c : code) {
    if (c == ' ' || c == '-') continue;
    const char lower = absl::ascii_tolower(static_cast<unsigned char>(c));
    if (kRecoveryAlphabet.find(lower) == absl::string_view::npos) return std::nullopt;
    plain.push_back(lower);
  }
  if (plain.size() != 2 * kRecoveryHalf) return std::nullopt;
  return Sha256Hex(absl::StrCat("cim-recovery:", plain));
}

}  // namespace cim
