// The HTTP/JSON face of cim-server: matches a request to an annotated RPC, transcodes it, calls
// the server over gRPC with the caller's credentials, and renders the answer or the error.
// Also: browser sessions in an HttpOnly cookie with CSRF protection, CORS for configured
// origins, per-client rate limits on sign-in and writes, deadlines from the Grpc-Timeout header,
// security headers, /healthz and /readyz, the OpenAPI document at /openapi.json, Prometheus
// metrics at /metrics, and the built web portal.
#ifndef CIM_PORTAL_GATEWAY_GATEWAY_H_
#define CIM_PORTAL_GATEWAY_GATEWAY_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <boost/beast/http.hpp>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "portal-gateway/rate_limiter.h"
#include "portal-gateway/route_table.h"
#include "portal-gateway/static_files.h"
#include "portal-gateway/transcoder.h"
#include "server/common/metrics.h"

namespace cim::gateway {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

struct GatewayOptions {
  std::string backend;          // cim-server address, host:port
  std::string descriptor_set;   // protoc --descriptor_set_out file with --include_imports
  std::string web_root;         // built web portal (web/dist); empty serves no files
  bool secure_cookies = false;  // set when serving over TLS
  // A request's deadline: its Grpc-Timeout header (gRPC's format, e.g. "5S", "200m"), capped
  // at max_deadline, or default_deadline without one.
  absl::Duration default_deadline = absl::Seconds(30);
  absl::Duration max_deadline = absl::Minutes(5);
  // Origins (scheme://host[:port]) whose pages may call the API from the browser (CORS).
  std::vector<std::string> cors_origins;
  // Per client address: sign-in requests (routes that start a session) and other requests that
  // change state. Past them: 429 with Retry-After.
  RateLimit login_limit{.per_second = 30.0 / 60, .burst = 30};
  RateLimit write_limit{.per_second = 20, .burst = 40};
  // Client addresses that may read /metrics (Prometheus) directly, not through a proxy (no
  // X-Forwarded-For); others get 404.
  std::vector<std::string> metrics_peers = {"127.0.0.1", "::1"};
  // Reverse proxies in front of the gateway: for requests from these addresses, the client is
  // the last address in X-Forwarded-For (what the proxy appended), for rate limits and for the
  // server's logs.
  std::vector<std::string> trusted_proxies;
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
  // Sets *route to the matched route ("GET /v1/partners/{partner_id}"), for metrics.
  HttpResponse HandleApi(const HttpRequest& request, absl::string_view path,
                         absl::string_view query, const std::string& client,
                         const std::string& request_id, std::string* route);
  HttpResponse Ready(const std::string& request_id);
  // The answer to a CORS preflight request (OPTIONS with Access-Control-Request-Method).
  HttpResponse Preflight(const HttpRequest& request, const std::string& request_id);
  bool AllowedOrigin(absl::string_view origin) const;
  // The client's address: `peer`, or what a trusted proxy says it forwarded for.
  std::string ClientAddress(const HttpRequest& request, const std::string& peer) const;

  GatewayOptions options_;
  ApiDescriptors api_;
  RouteTable routes_;
  Transcoder transcoder_;
  StaticFiles static_files_;
  RateLimiter login_limiter_;
  RateLimiter write_limiter_;
  const std::string openapi_;  // /openapi.json
  RequestMetrics metrics_{"cim_gateway_http", {"route", "code"}, "HTTP requests"};
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

// A JSON error response in the gateway's error format.
HttpResponse JsonError(const HttpRequest& request, int grpc_code, absl::string_view message,
                       const std::string& request_id, int http_status = 0);

// Security headers every response carries.
void AddSecurityHeaders(HttpResponse& response);

// The key a client's rate limits are kept under: its address, or for IPv6 its /64 network
// (one subscriber's allocation, so that rotating addresses within it does not help).
std::string RateLimitKey(const std::string& address);

// A Grpc-Timeout header value ("1-8 digits" then H, M, S, m, u or n) as a duration.
// INVALID_ARGUMENT describing the expected form otherwise.
absl::StatusOr<absl::Duration> ParseGrpcTimeout(absl::string_view value);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_GATEWAY_H_
