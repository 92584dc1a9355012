#include "lib/text_field.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "lib/phrase.h"

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

bool ValidateTierCode(absl::string_view code, std::string field, FieldErrors& errors) {
  if (MatchesCharset(code, 32, /*allow_upper=*/false, /*allow_underscore=*/true)) return true;
  errors.Add(std::move(field), "1 to 32 of a-z, 0-9, '-' and '_'");
  return false;
}

void ValidateRegionCode(absl::string_view code, std::string field, FieldErrors& errors) {
  if (!MatchesCharset(code, 32, /*allow_upper=*/true, /*allow_underscore=*/false)) {
    errors.Add(std::move(field), "1 to 32 of A-Z, a-z, 0-9 and '-'");
  }
}

bool IsEmailAddress(absl::string_view address) {
  if (address.size() > 254 || address.size() < 3) return false;
  const size_t at = address.find('@');
  if (at == absl::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != absl::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    return absl::ascii_isspace(c) || absl::ascii_iscntrl(c) || c == '<' || c == '>';
  });
}

bool HasControlCharacter(absl::string_view s, bool line_breaks_too) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      if (line_breaks_too) return true;
    } else if (c < 0x20 || c == 0x7f) {
      return true;
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      return true;  // U+0080 to U+009F
    }
  }
  return false;
}

void ValidateText(absl::string_view value, std::string field, size_t min_chars, size_t max_chars,
                  FieldErrors& errors) {
  const size_t n = CodePoints(absl::StripAsciiWhitespace(value));
  if (HasControlCharacter(value, /*line_breaks_too=*/false)) {
    errors.Add(std::move(field), "must not contain control characters");
  } else if (n == 0 && min_chars > 0) {
    errors.Add(std::move(field), "required");
  } else if (n < min_chars || CodePoints(value) > max_chars) {
    errors.Add(
        std::move(field),
        min_chars <= 1
            ? Phrase("error.at_most_chars").Count("max", max_chars).str()
            : Phrase("error.chars_between").Count("min", min_chars).Count("max", max_chars).str());
  }
}

void ValidateFileName(absl::string_view value, std::string field, FieldErrors& errors) {
  const size_t n = CodePoints(absl::StripAsciiWhitespace(value));
  if (n == 0) {
    errors.Add(std::move(field), "required");
  } else if (CodePoints(value) > 200) {
    errors.Add(std::move(field), "at most 200 characters");
  } else if (HasControlCharacter(value, /*line_breaks_too=*/true) ||
             value.find_first_of("\"'/\\") != absl::string_view::npos) {
    errors.Add(std::move(field), "a file name without control characters, quotes or slashes");
  }
}

bool IsPrintableKey(absl::string_view s, size_t min_len, size_t max_len) {
  return s.size() >= min_len && s.size() <= max_len &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

void ValidateIdempotencyKey(absl::string_view key, FieldErrors& errors) {
  if (!IsPrintableKey(key, 8, 100)) {
    errors.Add("idempotency_key", "8 to 100 printable characters, unique per request");
  }
}

std::string HtmlEscaped(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace cim
