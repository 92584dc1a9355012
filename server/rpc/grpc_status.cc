#include "server/rpc/grpc_status.h"

#include <string>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "lib/status_util.h"

namespace cim {

grpc::Status ToGrpcStatus(const absl::Status& status, const Wording& reader) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message = Wording::English().Message(status);
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  absl::optional<absl::Cord> payload = status.GetPayload(kBadRequestTypeUrl);
  google::rpc::BadRequest bad_request;
  if (payload.has_value() && bad_request.ParseFromString(std::string(*payload))) {
    for (google::rpc::BadRequest::FieldViolation& v : *bad_request.mutable_field_violations()) {
      v.set_description(reader.Translate(v.description()));
    }
    details.add_details()->PackFrom(bad_request);
  }
  google::rpc::LocalizedMessage text;
  text.set_locale(reader.locale());
  text.set_message(reader.Message(status));
  details.add_details()->PackFrom(text);
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace cim
