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

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "lib/metrics.h"
#include "portal-gateway/edge/cors.h"
#include "portal-gateway/edge/credentials.h"
#include "portal-gateway/edge/rate_limiter.h"
#include "portal-gateway/edge/security_headers.h"
#include "portal-gateway/edge/static_files.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/http/http_types.h"
#include "portal-gateway/http/request.h"
#include "portal-gateway/transcode/route_table.h"
#include "portal-gateway/transcode/transcoder.h"

namespace cim::gateway {

struct GatewayOptions {
  // cim-server replicas: host:port, a list (a:1,b:2), a DNS name with several addresses, or a
  // gRPC target (backend_channel.h). Calls go round robin to the healthy ones.
  std::string backend;
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
  // Threads that complete unary calls and render their replies; 0: HalfTheCores().
  int completion_threads = 0;
  // Uploads (multipart/form-data into a client-streaming RPC): the largest body accepted, form
  // overhead included; past it, 413 before the rest is read.
  size_t max_upload_bytes = (10 << 20) + (64 << 10);
  // Server-Sent Events: a comment line this often keeps proxies from closing an idle stream
  // and tells the gateway the client is still there.
  absl::Duration sse_heartbeat = absl::Seconds(15);
};

class HttpStream;
struct StreamingRoute;

class Gateway {
 public:
  // NOT_FOUND / INVALID_ARGUMENT if the descriptor set is missing or its annotations are bad.
  static absl::StatusOr<std::unique_ptr<Gateway>> Create(const GatewayOptions& options);

  // Answers one request whose body has been read, through `respond`: at once, or from a gRPC
  // thread when the call it makes completes. Never blocks on the network; never throws. `peer`
  // is the client address for rate limits, logs and metadata.
  void Handle(HttpRequest request, const std::string& peer, Responder respond);
  // For a request (its header) to a streaming RPC: how to serve it (uploads, downloads,
  // Server-Sent Events). Nullopt for any other request, which Handle answers.
  std::optional<StreamingRoute> RouteStream(const HttpRequestHeader& request,
                                            const std::string& peer);

  const RouteTable& routes() const { return routes_; }

  // Cancels the calls still in progress and waits for their answers to be sent.
  ~Gateway();

 private:
  Gateway(const GatewayOptions& options, ApiDescriptors api, RouteTable routes,
          std::shared_ptr<grpc::Channel> channel);
  // A buffered request on its way through, with what its answer needs.
  struct Exchange {
    HttpRequest request;
    std::string request_id;
    absl::Time start;
    std::string route;  // what metrics count it as ("GET /v1/partners/{partner_id}")
    Responder respond;
  };
  // Adds the headers every answer carries, counts it and sends it.
  void Finish(Exchange& exchange, HttpResponse response);
  // The refusal of an API request, or nullopt once its call has started (the call finishes
  // the exchange).
  std::optional<HttpResponse> HandleApi(const std::shared_ptr<Exchange>& exchange,
                                        absl::string_view path, absl::string_view query,
                                        const std::string& client);
  // Starts a unary call of `grpc_path` with a serialized request. `done` runs on a gRPC thread
  // with the outcome and the reply's bytes; the gateway outlives it.
  void StartCall(const std::string& grpc_path, const std::string& request_bytes,
                 const std::function<void(grpc::ClientContext&)>& prepare,
                 std::function<void(const grpc::Status&, const std::string&)> done);
  // What an admitted API call carries.
  struct CallSetup {
    std::string authorization;  // "Bearer ..." or empty
    absl::Time deadline;        // InfiniteFuture: none
    std::string client;
    std::string request_id;
    // The client's Accept-Language, passed on for the server's texts (empty: none).
    std::string accept_language;
    // The client's User-Agent, passed on for the sessions a sign-in starts (empty: none).
    std::string user_agent;
  };
  // The checks every API request passes before its call (rate limits, Grpc-Timeout,
  // credentials and CSRF): what the call carries, or the answer that refuses it.
  std::variant<CallSetup, HttpResponse> Admit(const HttpRequestHeader& request, const Route& route,
                                              const std::string& client,
                                              const std::string& request_id);
  // Calls the route's RPC and finishes the exchange with its answer. A read (GET) that finds
  // its replica UNAVAILABLE is tried again (round robin: on another replica) while attempts
  // and the deadline last; a write is not (its idempotency key is how a client retries).
  void CallRoute(const std::shared_ptr<Exchange>& exchange, const Route& route,
                 std::shared_ptr<const CallSetup> setup,
                 const std::shared_ptr<const std::string>& request_bytes, int attempt);
  static constexpr int kReadAttempts = 3;
  void PrepareContext(const CallSetup& setup, grpc::ClientContext& context) const;
  // A failed call's answer: the mapped HTTP status and the JSON error body.
  static HttpResponse GrpcError(const HttpRequestHeader& request, const grpc::Status& status,
                                const std::string& request_id);
  // A successful unary reply as JSON (a session cookie for sign-in routes).
  HttpResponse RenderReply(const HttpRequestHeader& request, const Route& route,
                           const std::string& bytes, const std::string& request_id);
  // Clears the session cookie on routes that end the session.
  HttpResponse WithSessionEnd(const Route& route, HttpResponse response) const;
  // Request id, security, CORS and Vary headers, on every answer.
  void Decorate(const HttpRequestHeader& request, const std::string& request_id,
                http::fields& response) const;

  // Streaming routes (gateway_streams.cc); each answers through `stream`.
  void HandleStream(HttpStream& stream, const RouteMatch& match, const std::string& query,
                    const std::string& client);
  // The answer to send, or nullopt once the handler has answered itself.
  std::optional<HttpResponse> Upload(HttpStream& stream, const RouteMatch& match,
                                     const std::string& query, const CallSetup& setup);
  std::optional<HttpResponse> Download(HttpStream& stream, const RouteMatch& match,
                                       const std::string& query, const CallSetup& setup);
  std::optional<HttpResponse> ServeEvents(HttpStream& stream, const RouteMatch& match,
                                          const std::string& query, const CallSetup& setup);

  // Finishes /readyz by asking the server's health service.
  void Ready(const std::shared_ptr<Exchange>& exchange);
  // The client's address: `peer`, or what a trusted proxy says it forwarded for.
  std::string ClientAddress(const HttpRequestHeader& request, const std::string& peer) const {
    return cim::gateway::ClientAddress(request, peer, options_.trusted_proxies);
  }

  GatewayOptions options_;
  ApiDescriptors api_;
  RouteTable routes_;
  Transcoder transcoder_;
  StaticFiles static_files_;
  Cors cors_;
  RateLimiter login_limiter_;
  RateLimiter write_limiter_;
  const std::string openapi_;  // /openapi.json
  RequestMetrics metrics_{"cim_gateway_http", {"route", "code"}, "HTTP requests"};
  std::shared_ptr<grpc::Channel> channel_;
  std::atomic<long long> backend_retries_{0};  // reads tried again on another replica
  std::atomic<bool> stopping_{false};          // set by ~Gateway: no more retries
  std::unique_ptr<grpc::GenericStub> stub_;
  // Unary calls complete on this queue, served by `completion_threads` (CompleteCalls), which
  // render the replies.
  struct PendingCall;
  void CompleteCalls();
  grpc::CompletionQueue cq_;
  std::vector<std::thread> completion_threads_;
  // Unary calls in progress, to cancel on destruction.
  absl::Mutex calls_mu_;
  absl::flat_hash_set<grpc::ClientContext*> calls_ ABSL_GUARDED_BY(calls_mu_);
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_GATEWAY_H_
