#include "lib/content_type.h"

#include "absl/strings/match.h"

namespace cim {

std::optional<std::string> SniffContentType(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "%PDF-")) return "application/pdf";
  if (absl::StartsWith(bytes, absl::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (absl::StartsWith(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  return std::nullopt;
}

}  // namespace cim
