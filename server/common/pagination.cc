#include "server/common/pagination.h"

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace cim {

int PageSize(int requested, FieldErrors& errors) {
  if (requested == 0) return kDefaultPageSize;
  if (requested < 0 || requested > kMaxPageSize) {
    errors.Add("page_size", absl::StrCat("must be between 1 and ", kMaxPageSize));
  }
  return requested;
}

std::string EncodePageToken(int64_t last_id) {
  return absl::WebSafeBase64Escape(absl::StrCat("after:", last_id));
}

absl::StatusOr<int64_t> DecodePageToken(const std::string& token) {
  if (token.empty()) return 0;
  std::string decoded;
  int64_t id = 0;
  const bool decodes = absl::WebSafeBase64Unescape(token, &decoded);
  absl::string_view raw = decoded;
  if (!decodes || !absl::ConsumePrefix(&raw, "after:") || !absl::SimpleAtoi(raw, &id) || id <= 0) {
    FieldErrors errors;
    errors.Add("page_token", "not a token from a previous response");
    return errors.ToStatus();
  }
  return id;
}

}  // namespace cim
