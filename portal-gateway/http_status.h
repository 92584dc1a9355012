// The one mapping from gRPC status codes to HTTP statuses (as grpc-gateway does), and the JSON
// error body every gateway error uses: {"code", "message", "details", "requestId"}.
#ifndef CIM_PORTAL_GATEWAY_HTTP_STATUS_H_
#define CIM_PORTAL_GATEWAY_HTTP_STATUS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace cim::gateway {

// HTTP status for a gRPC status code (0..16); 500 for anything else.
int HttpStatusForGrpcCode(int grpc_code);

// The JSON error body. `status_details` is a serialized google.rpc.Status (grpc-status-details-bin)
// or empty; its details (e.g. google.rpc.BadRequest field violations) are rendered as JSON.
std::string ErrorBody(int grpc_code, absl::string_view message, absl::string_view status_details,
                      absl::string_view request_id);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_STATUS_H_
