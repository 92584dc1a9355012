#include "lib/pagination.h"

#include <memory>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "lib/phrase.h"
#include "lib/sha256.h"

namespace cim {

int PageSize(int requested, FieldErrors& errors) {
  if (requested == 0) return kDefaultPageSize;
  if (requested < 0 || requested > kMaxPageSize) {
    errors.Add("page_size", Phrase("error.between_1_and").Count("max", kMaxPageSize));
  }
  return requested;
}

namespace {

constexpr char kNotAToken[] = "not a token from a previous response";

// 16 hex digits of the SHA-256 of `request`'s type and fields, page_token and page_size left out.
std::string RequestDigest(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> filters(request.New());
  filters->CopyFrom(request);
  const google::protobuf::Descriptor* type = filters->GetDescriptor();
  for (const char* name : {"page_token", "page_size"}) {
    if (const google::protobuf::FieldDescriptor* f = type->FindFieldByName(name)) {
      filters->GetReflection()->ClearField(filters.get(), f);
    }
  }
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    filters->SerializeToCodedStream(&out);
  }
  return Sha256Hex(absl::StrCat(type->full_name(), "\n", bytes)).substr(0, 16);
}

absl::Status TokenError(absl::string_view description) {
  FieldErrors errors;
  errors.Add("page_token", std::string(description));
  return errors.ToStatus();
}

}  // namespace

std::string EncodePageToken(int64_t position, const google::protobuf::Message& request) {
  return absl::WebSafeBase64Escape(absl::StrCat("after:", position, ":", RequestDigest(request)));
}

absl::StatusOr<int64_t> DecodePageToken(const google::protobuf::Message& request) {
  const google::protobuf::FieldDescriptor* field =
      request.GetDescriptor()->FindFieldByName("page_token");
  if (field == nullptr) return 0;
  const std::string token = request.GetReflection()->GetString(request, field);
  if (token.empty()) return 0;
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded)) return TokenError(kNotAToken);
  std::vector<absl::string_view> parts = absl::StrSplit(decoded, ':');
  int64_t position = 0;
  if (parts.size() != 3 || parts[0] != "after" || !absl::SimpleAtoi(parts[1], &position) ||
      position <= 0) {
    return TokenError(kNotAToken);
  }
  if (parts[2] != RequestDigest(request)) {
    return TokenError("a token from another list or other filters: ask for the first page again");
  }
  return position;
}

}  // namespace cim
