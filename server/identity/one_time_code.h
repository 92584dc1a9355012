// Two-step sign-in codes: time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second
// steps, computed by liboath) from a secret an authenticator app keeps, and single-use recovery
// codes for when the app is lost. Pure functions; the time is always passed in.
#ifndef CIM_SERVER_IDENTITY_ONE_TIME_CODE_H_
#define CIM_SERVER_IDENTITY_ONE_TIME_CODE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cim {

inline constexpr absl::Duration kTotpStep = absl::Seconds(30);
inline constexpr int kRecoveryCodeCount = 10;

// A fresh 160-bit random secret, base32 without padding (32 characters), as authenticator apps
// take it.
std::string NewTotpSecret();

// The 6-digit code of `base32_secret` at `at`; empty for a secret that is not base32.
std::string TotpCode(absl::string_view base32_secret, absl::Time at);

// The time step (30-second periods since the epoch) whose code `code` is, when it is the code of
// the step of `now` or of the one just before or after (clocks drift) and that step is later than
// `after_step` (a code is good once); nullopt otherwise, and for a code that is not 6 digits
// (spaces between them are ignored).
std::optional<int64_t> MatchTotpCode(absl::string_view base32_secret, absl::string_view code,
                                     absl::Time now, int64_t after_step);

// The otpauth:// URI an authenticator app reads (from a QR code): the account `account` of
// `issuer`, with the secret and the code's parameters.
std::string OtpAuthUri(absl::string_view issuer, absl::string_view account,
                       absl::string_view base32_secret);

// kRecoveryCodeCount fresh recovery codes, each "xxxxx-xxxxx" of lowercase letters and digits
// that cannot be misread (50 bits each).
std::vector<std::string> NewRecoveryCodes();

// `code` as recovery codes are stored (lowercase, without spaces and dashes, then hashed), or
// nullopt if it cannot be one.
std::optional<std::string> RecoveryCodeHash(absl::string_view code);

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_ONE_TIME_CODE_H_
