#include "portal-gateway/http/http_status.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace cim::gateway {

int HttpStatusForGrpcCode(int grpc_code) {
  switch (grpc_code) {
    case 0:
      return 200;  // OK
    case 1:
      return 499;  // CANCELLED
    case 2:
      return 500;  // UNKNOWN
    case 3:
      return 400;  // INVALID_ARGUMENT
    case 4:
      return 504;  // DEADLINE_EXCEEDED
    case 5:
      return 404;  // NOT_FOUND
    case 6:
      return 409;  // ALREADY_EXISTS
    case 7:
      return 403;  // PERMISSION_DENIED
    case 8:
      return 429;  // RESOURCE_EXHAUSTED
    case 9:
      return 400;  // FAILED_PRECONDITION
    case 10:
      return 409;  // ABORTED
    case 11:
      return 400;  // OUT_OF_RANGE
    case 12:
      return 501;  // UNIMPLEMENTED
    case 13:
      return 500;  // INTERNAL
    case 14:
      return 503;  // UNAVAILABLE
    case 15:
      return 500;  // DATA_LOSS
    case 16:
      return 401;  // UNAUTHENTICATED
    default:
      return 500;
  }
}

std::string ErrorBody(int grpc_code, absl::string_view message, absl::string_view status_details,
                      absl::string_view request_id) {
  // Links the google.rpc detail types into the generated pool so that Any details resolve.
  static const bool linked = google::rpc::BadRequest::descriptor() != nullptr &&
                             google::rpc::ErrorInfo::descriptor() != nullptr;
  (void)linked;
  google::rpc::Status status;
  if (!status_details.empty()) {
    google::rpc::Status parsed;
    if (parsed.ParseFromArray(status_details.data(), static_cast<int>(status_details.size()))) {
      *status.mutable_details() = parsed.details();
    }
  }
  status.set_code(grpc_code);
  status.set_message(std::string(message));
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(status, &json, options).ok()) {
    status.clear_details();  // a detail of an unknown type: keep the code and message
    json.clear();
    (void)google::protobuf::util::MessageToJsonString(status, &json, options);
  }
  if (json.empty() || json.back() != '}') json = "{}";
  // Append the request id inside the object.
  json.pop_back();
  if (json.size() > 1) json += ',';
  absl::StrAppend(&json, "\"requestId\":\"", request_id, "\"}");
  return json;
}

HttpResponse JsonError(const HttpRequestHeader& request, int grpc_code, absl::string_view message,
                       const std::string& request_id, int http_status) {
  HttpResponse response(
      static_cast<http::status>(http_status != 0 ? http_status : HttpStatusForGrpcCode(grpc_code)),
      request.version());
  response.set(http::field::content_type, "application/json");
  response.set(http::field::cache_control, "no-store");
  response.body() = ErrorBody(grpc_code, message, "", request_id);
  return response;
}

absl::StatusOr<absl::Duration> ParseGrpcTimeout(absl::string_view value) {
  const auto invalid = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("Grpc-Timeout header '", value,
                     "': expected 1 to 8 digits and a unit (H, M, S, m, u or n), e.g. 5S"));
  };
  if (value.size() < 2 || value.size() > 9) return invalid();
  int64_t amount = 0;
  const absl::string_view digits = value.substr(0, value.size() - 1);
  if (!std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(digits, &amount)) {
    return invalid();
  }
  switch (value.back()) {
    case 'H':
      return absl::Hours(amount);
    case 'M':
      return absl::Minutes(amount);
    case 'S':
      return absl::Seconds(amount);
    case 'm':
      return absl::Milliseconds(amount);
    case 'u':
      return absl::Microseconds(amount);
    case 'n':
      return absl::Nanoseconds(amount);
    default:
      return invalid();
  }
}

}  // namespace cim::gateway
