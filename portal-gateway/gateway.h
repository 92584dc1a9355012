// The HTTP/JSON face of cim-server: matches a request to an annotated RPC, transcodes it, calls
// the server over gRPC with the caller's credentials, and renders the answer or the error.
// Also: browser sessions in an HttpOnly cookie with CSRF protection, security headers,
// /healthz and /readyz, and the built web portal.
#ifndef CIM_PORTAL_GATEWAY_GATEWAY_H_
#define CIM_PORTAL_GATEWAY_GATEWAY_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <boost/beast/http.hpp>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "portal-gateway/route_table.h"
#include "portal-gateway/static_files.h"
#include "portal-gateway/transcoder.h"

namespace cim::gateway {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

struct GatewayOptions {
  std::string backend;          // cim-server address, host:port
  std::string descriptor_set;   // protoc --descriptor_set_out file with --include_imports
  std::string web_root;         // built web portal (web/dist); empty serves no files
  bool secure_cookies = false;  // set when serving over TLS
  absl::Duration default_deadline = absl::Seconds(30);
};

inline constexpr char kSessionCookie[] = "cim_session";
// Browsers send this header with every API call; cookie-authenticated state-changing requests
// without it are refused (a cross-site form cannot set custom headers).
inline constexpr char kClientHeader[] = "X-CIM-Client";

class Gateway {
 public:
  // NOT_FOUND / INVALID_ARGUMENT if the descriptor set is missing or its annotations are bad.
  static absl::StatusOr<std::unique_ptr<Gateway>> Create(const GatewayOptions& options);

  // Handles one request; never throws. `peer` is the client address for logs and metadata.
  HttpResponse Handle(const HttpRequest& request, const std::string& peer);

  const RouteTable& routes() const { return routes_; }

 private:
  Gateway(const GatewayOptions& options, ApiDescriptors api, RouteTable routes);
  HttpResponse HandleApi(const HttpRequest& request, absl::string_view path,
                         absl::string_view query, const std::string& peer,
                         const std::string& request_id);
  HttpResponse Ready(const std::string& request_id);

  GatewayOptions options_;
  ApiDescriptors api_;
  RouteTable routes_;
  Transcoder transcoder_;
  StaticFiles static_files_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

// A JSON error response in the gateway's error format.
HttpResponse JsonError(const HttpRequest& request, int grpc_code, absl::string_view message,
                       const std::string& request_id, int http_status = 0);

// Security headers every response carries.
void AddSecurityHeaders(HttpResponse& response);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_GATEWAY_H_
