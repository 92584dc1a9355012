#include "server/rpc/grpc_status.h"

#include <string>

#include "google/rpc/status.pb.h"
#include "lib/status_util.h"

namespace cim {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message(status.message());
  absl::optional<absl::Cord> bad_request = status.GetPayload(kBadRequestTypeUrl);
  if (!bad_request.has_value()) return grpc::Status(code, message);
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  google::protobuf::Any* any = details.add_details();
  any->set_type_url(std::string(kBadRequestTypeUrl));
  any->set_value(std::string(*bad_request));
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace cim
