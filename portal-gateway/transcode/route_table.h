// The gateway's HTTP routes, built only from the google.api.http annotations of the services in
// the compiled descriptors (no route is written by hand).
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_ROUTE_TABLE_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_ROUTE_TABLE_H_

#include <google/protobuf/descriptor.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "cim/v1/options.pb.h"
#include "portal-gateway/transcode/path_template.h"

namespace cim::gateway {

struct Route {
  std::string http_method;  // GET, POST, PUT, PATCH, DELETE or a custom verb
  PathTemplate path;
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::string body;           // "", "*" or a top-level field name
  std::string response_body;  // "" or a top-level field name
  cim::v1::SessionEffect session = cim::v1::SESSION_EFFECT_UNSPECIFIED;
  bool anonymous = false;
  // Streaming RPCs, and how they are carried over HTTP (see cim.v1.HttpStreaming): an upload
  // (client streaming), a download or Server-Sent Events (server streaming).
  bool client_streaming = false;
  bool server_streaming = false;
  cim::v1::HttpStreaming streaming;
  bool is_download() const { return server_streaming && !streaming.chunk_field().empty(); }
  // "/cim.v1.AuthService/Login"
  std::string grpc_path() const;
};

// The API as compiled by protoc into a descriptor set (--include_imports).
struct ApiDescriptors {
  std::unique_ptr<google::protobuf::DescriptorPool> pool;
  std::vector<const google::protobuf::FileDescriptor*> files;
};

// Loads a FileDescriptorSet file. NOT_FOUND / INVALID_ARGUMENT if it is missing or malformed.
absl::StatusOr<ApiDescriptors> LoadDescriptorSet(const std::string& path);

// The field at dotted `path` ("partner.id") in `message`; nullptr if a part is missing or a
// non-message field is traversed.
const google::protobuf::FieldDescriptor* FindFieldPath(const google::protobuf::Descriptor* message,
                                                       absl::string_view path);

struct RouteMatch {
  const Route* route;
  std::vector<std::pair<std::string, std::string>> bindings;
};

class RouteTable {
 public:
  // Routes of every annotated method of every service in `files`. INVALID_ARGUMENT for a
  // malformed template, a body or path variable naming no suitable field, a streaming RPC
  // without a way to carry it (bidirectional streaming; client streaming without file fields)
  // or with fields that do not fit, and for two annotations that collide (same HTTP method and
  // same path shape).
  static absl::StatusOr<RouteTable> Build(
      const std::vector<const google::protobuf::FileDescriptor*>& files);

  // The route for a method and path. If the path matches only under other methods,
  // *path_matched is set (for 405).
  std::optional<RouteMatch> Find(absl::string_view http_method, absl::string_view path,
                                 bool* path_matched) const;

  // The HTTP methods of the routes whose template matches `path`, sorted and comma-separated
  // ("GET, PATCH"): a 405 answer's Allow header.
  std::string AllowedMethods(absl::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_ROUTE_TABLE_H_
