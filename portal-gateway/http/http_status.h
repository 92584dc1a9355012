// The one mapping from gRPC status codes to HTTP statuses (as grpc-gateway does), the JSON
// error body every gateway error uses: {"code", "message", "details", "requestId"}, and gRPC's
// Grpc-Timeout header.
#ifndef CIM_PORTAL_GATEWAY_HTTP_HTTP_STATUS_H_
#define CIM_PORTAL_GATEWAY_HTTP_HTTP_STATUS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

// HTTP status for a gRPC status code (0..16); 500 for anything else.
int HttpStatusForGrpcCode(int grpc_code);

// The JSON error body. `status_details` is a serialized google.rpc.Status (grpc-status-details-bin)
// or empty; its details (e.g. google.rpc.BadRequest field violations) are rendered as JSON.
std::string ErrorBody(int grpc_code, absl::string_view message, absl::string_view status_details,
                      absl::string_view request_id);

// A JSON error response in the gateway's error format: the HTTP status for `grpc_code`, or
// `http_status` when set.
HttpResponse JsonError(const HttpRequestHeader& request, int grpc_code, absl::string_view message,
                       const std::string& request_id, int http_status = 0);

// A Grpc-Timeout header value ("1-8 digits" then H, M, S, m, u or n) as a duration.
// INVALID_ARGUMENT describing the expected form otherwise.
absl::StatusOr<absl::Duration> ParseGrpcTimeout(absl::string_view value);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_HTTP_STATUS_H_
