#include "server/common/text_field.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace cim {

size_t CodePoints(absl::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

std::string WithoutPrefix(absl::string_view name, absl::string_view prefix) {
  absl::ConsumePrefix(&name, prefix);
  return std::string(name);
}

std::string TruncateCodePoints(absl::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && chars++ == max_chars) return std::string(s.substr(0, i));
  }
  return std::string(s);
}

bool MatchesCharset(absl::string_view s, size_t max_len, bool allow_upper, bool allow_underscore) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-' ||
           (allow_upper && absl::ascii_isupper(c)) || (allow_underscore && c == '_');
  });
}

void ValidateText(absl::string_view value, std::string field, size_t min_chars, size_t max_chars,
                  FieldErrors& errors) {
  const size_t n = CodePoints(absl::StripAsciiWhitespace(value));
  if (n == 0 && min_chars > 0) {
    errors.Add(std::move(field), "required");
  } else if (n < min_chars || CodePoints(value) > max_chars) {
    errors.Add(std::move(field), min_chars <= 1
                                     ? absl::StrCat("at most ", max_chars, " characters")
                                     : absl::StrCat(min_chars, " to ", max_chars, " characters"));
  }
}

bool IsPrintableKey(absl::string_view s, size_t min_len, size_t max_len) {
  return s.size() >= min_len && s.size() <= max_len &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace cim
