// JSON/HTTP ↔ protobuf for one matched route: builds the gRPC request from path variables,
// query parameters and the JSON body (protobuf's canonical JSON mapping, unknown fields
// rejected) and renders the response (or its response_body field) as JSON.
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_TRANSCODER_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_TRANSCODER_H_

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>

#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "portal-gateway/transcode/route_table.h"

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
  // The same for a response in its wire form (parsed only when response_body picks a field).
  // INTERNAL if the bytes are not a valid response.
  absl::StatusOr<std::string> ResponseBytesToJson(const Route& route, const std::string& bytes);

 private:
  // `type`, which is in the API's descriptor pool, in wire form as canonical JSON.
  absl::StatusOr<std::string> BytesToJson(const google::protobuf::Descriptor* type,
                                          const std::string& bytes,
                                          const google::protobuf::util::JsonPrintOptions& options);

  google::protobuf::DynamicMessageFactory factory_;
  // Types of the API's descriptor pool as JSON needs them, made once each (made on first use,
  // protobuf's converters would build them again for every message).
  std::once_flag resolver_once_;
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver_;
};

// Sets the field at dotted `path` in `message` from its text form (as in a URL): scalars,
// enums by name or number, repeated fields (appends), and well-known types (Timestamp,
// Duration, FieldMask, wrappers) from their JSON string form.
absl::Status SetFieldFromText(google::protobuf::Message& message, absl::string_view path,
                              absl::string_view text);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_TRANSCODER_H_
