// Validation of text request fields (names, codes, free text) into FieldErrors.
#ifndef CIM_LIB_TEXT_FIELD_H_
#define CIM_LIB_TEXT_FIELD_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "lib/status_util.h"

namespace cim {

// Number of UTF-8 code points in `s`.
size_t CodePoints(absl::string_view s);

// An enum value's API name without its type prefix, e.g.
// WithoutPrefix(ClaimStatus_Name(s), "CLAIM_STATUS_") is "SUBMITTED".
std::string WithoutPrefix(absl::string_view name, absl::string_view prefix);

// The first `max_chars` code points of UTF-8 `s` (never a partial character).
std::string TruncateCodePoints(absl::string_view s, size_t max_chars);

// `s` safe inside HTML text and attribute values (&, <, >, " and ' escaped).
std::string HtmlEscaped(absl::string_view s);

// True if `s` has 1 to `max_len` characters, each a lowercase ASCII letter, digit or '-',
// or (when allowed) an uppercase letter or '_'.
bool MatchesCharset(absl::string_view s, size_t max_len, bool allow_upper, bool allow_underscore);

// Adds a violation for `field` unless `code` is a partner tier code (Partner.tier, tier ladders,
// eligibility, audiences, rule uplifts): 1 to 32 of a-z, 0-9, '-' and '_'. Returns whether it
// is one.
bool ValidateTierCode(absl::string_view code, std::string field, FieldErrors& errors);

// Adds a violation for `field` unless `code` is a region code: 1 to 32 of A-Z, a-z, 0-9 and '-'.
void ValidateRegionCode(absl::string_view code, std::string field, FieldErrors& errors);

// True if `address` looks like a mailbox: 3 to 254 characters, one '@' with text on both
// sides, and no space, control character or angle bracket (so it cannot break a header).
bool IsEmailAddress(absl::string_view address);

// True if `s` has `min_len` to `max_len` characters, each printable ASCII other than space:
// retry keys and external ids.
bool IsPrintableKey(absl::string_view s, size_t min_len, size_t max_len);

// Adds a violation for "idempotency_key" unless `key` is a retry key: 8 to 100 printable
// characters (claims, orders and every other request a client may safely repeat).
void ValidateIdempotencyKey(absl::string_view key, FieldErrors& errors);

// True if UTF-8 `s` holds a control character (C0, DEL or C1); tab, line feed and carriage
// return count only when `line_breaks_too`.
bool HasControlCharacter(absl::string_view s, bool line_breaks_too);

// Adds a violation for `field` unless `value` (ignoring surrounding whitespace) has between
// `min_chars` and `max_chars` code points, and no control character but tab and line breaks.
void ValidateText(absl::string_view value, std::string field, size_t min_chars, size_t max_chars,
                  FieldErrors& errors);

// Adds a violation for `field` unless `value` is a file name: 1 to 200 characters (ignoring
// surrounding whitespace), none of them a control character, a quote, a slash or a backslash
// (names travel in Content-Disposition headers and into other systems' paths).
void ValidateFileName(absl::string_view value, std::string field, FieldErrors& errors);

}  // namespace cim

#endif  // CIM_LIB_TEXT_FIELD_H_
