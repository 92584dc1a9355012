#include "lib/proto_json.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"

namespace cim {

std::string ToStoredJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

absl::Status FromStoredJson(absl::string_view json, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status =
      google::protobuf::util::JsonStringToMessage(std::string(json), message, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("stored ", message->GetTypeName(),
                                            " JSON does not parse: ", status.ToString()));
  }
  return absl::OkStatus();
}

}  // namespace cim
