// JSON/HTTP ↔ protobuf for one matched route: builds the gRPC request from path variables,
// query parameters and the JSON body (protobuf's canonical JSON mapping, unknown fields
// rejected) and renders the response (or its response_body field) as JSON.
#ifndef CIM_PORTAL_GATEWAY_TRANSCODER_H_
#define CIM_PORTAL_GATEWAY_TRANSCODER_H_

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "portal-gateway/route_table.h"

namespace cim::gateway {

class Transcoder {
 public:
  // INVALID_ARGUMENT with a precise message for malformed JSON, unknown or mistyped fields,
  // bad path variables or query parameters.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> BuildRequest(const RouteMatch& match,
                                                                          absl::string_view query,
                                                                          absl::string_view body);

  // An empty message of the method's input type.
  std::unique_ptr<google::protobuf::Message> NewRequest(const Route& route);
  // An empty message of the method's output type, to parse the gRPC response into.
  std::unique_ptr<google::protobuf::Message> NewResponse(const Route& route);

  // The response (or its response_body field) as canonical JSON with default values printed.
  absl::StatusOr<std::string> ResponseToJson(const Route& route,
                                             const google::protobuf::Message& response);

 private:
  google::protobuf::DynamicMessageFactory factory_;
};

// Sets the field at dotted `path` in `message` from its text form (as in a URL): scalars,
// enums by name or number, repeated fields (appends), and well-known types (Timestamp,
// Duration, FieldMask, wrappers) from their JSON string form.
absl::Status SetFieldFromText(google::protobuf::Message& message, absl::string_view path,
                              absl::string_view text);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODER_H_
