#include "lib/json_text.h"

#include "absl/strings/str_cat.h"

namespace cim {

void AppendJsonString(std::string* out, absl::string_view text, bool ascii_only) {
  *out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (byte < 0x20 || (ascii_only && byte >= 0x7f)) {
          absl::StrAppend(out, "\\u00", absl::Hex(byte, absl::kZeroPad2));
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

std::string JsonString(absl::string_view text, bool ascii_only) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(&out, text, ascii_only);
  return out;
}

}  // namespace cim
