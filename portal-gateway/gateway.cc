#include "portal-gateway/gateway.h"

#include <google/protobuf/util/time_util.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "portal-gateway/backend_channel.h"
#include "portal-gateway/grpc_stream.h"
#include "portal-gateway/http_status.h"
#include "portal-gateway/openapi.h"

namespace cim::gateway {
namespace {

constexpr char kJson[] = "application/json";

}  // namespace

int HalfTheCores() {
  // The cores this process may use (a container's CPU set), not all of the machine's. Fewer
  // threads than cores cost less CPU per request: each wake-up then finds more work.
  cpu_set_t cpus;
  const int cores = sched_getaffinity(0, sizeof(cpus), &cpus) == 0
                        ? CPU_COUNT(&cpus)
                        : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores / 2);
}

std::string NewRequestId() {
  // Identifies a request in logs; not a secret, so a per-thread generator (seeded from the OS
  // once) serves it without a system call per request.
  thread_local absl::BitGen bits;
  return absl::StrCat(absl::Hex(absl::Uniform<uint64_t>(bits), absl::kZeroPad16),
                      absl::Hex(absl::Uniform<uint32_t>(bits), absl::kZeroPad8));
}

namespace {

std::string CookieValue(const HttpRequestHeader& request, absl::string_view name) {
  for (auto it = request.find(http::field::cookie);
       it != request.end() && it->name() == http::field::cookie; ++it) {
    for (absl::string_view part :
         absl::StrSplit(absl::string_view(it->value().data(), it->value().size()), ';')) {
      part = absl::StripAsciiWhitespace(part);
      const size_t eq = part.find('=');
      if (eq != absl::string_view::npos && part.substr(0, eq) == name) {
        return std::string(part.substr(eq + 1));
      }
    }
  }
  return "";
}

bool IsSafeMethod(http::verb verb) {
  return verb == http::verb::get || verb == http::verb::head || verb == http::verb::options;
}

// What browsers may send and read on cross-origin API calls.
constexpr char kCorsMethods[] = "GET, POST, PUT, PATCH, DELETE";
constexpr char kCorsRequestHeaders[] = "Authorization, Content-Type, Grpc-Timeout, X-CIM-Client";
constexpr char kCorsExposedHeaders[] = "Retry-After, X-Request-Id";

// A 429 answer: the limit that refused the request and when to try again.
HttpResponse TooManyRequests(const HttpRequestHeader& request, absl::string_view what,
                             absl::Duration wait, const std::string& request_id) {
  const int64_t seconds =
      std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(wait, absl::Seconds(1))));
  HttpResponse response = JsonError(
      request, 8, absl::StrCat("too many ", what, " from this client; retry in ", seconds, " s"),
      request_id);
  response.set(http::field::retry_after, std::to_string(seconds));
  return response;
}

}  // namespace

std::string HeaderValue(const HttpRequestHeader& request, absl::string_view name) {
  auto it = request.find(boost::beast::string_view(name.data(), name.size()));
  return it == request.end() ? "" : std::string(it->value());
}

std::string RateLimitKey(const std::string& address) {
  boost::system::error_code ec;
  const boost::asio::ip::address ip = boost::asio::ip::make_address(address, ec);
  if (ec || !ip.is_v6() || ip.to_v6().is_v4_mapped()) return address;
  boost::asio::ip::address_v6::bytes_type bytes = ip.to_v6().to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return absl::StrCat(boost::asio::ip::address_v6(bytes).to_string(), "/64");
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

void AddSecurityHeaders(http::fields& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.set("X-Frame-Options", "DENY");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
}

HttpResponse JsonError(const HttpRequestHeader& request, int grpc_code, absl::string_view message,
                       const std::string& request_id, int http_status) {
  HttpResponse response(
      static_cast<http::status>(http_status != 0 ? http_status : HttpStatusForGrpcCode(grpc_code)),
      request.version());
  response.set(http::field::content_type, kJson);
  response.set(http::field::cache_control, "no-store");
  response.body() = ErrorBody(grpc_code, message, "", request_id);
  return response;
}

absl::StatusOr<std::unique_ptr<Gateway>> Gateway::Create(const GatewayOptions& options) {
  absl::StatusOr<ApiDescriptors> api = LoadDescriptorSet(options.descriptor_set);
  if (!api.ok()) return api.status();
  absl::StatusOr<RouteTable> routes = RouteTable::Build(api->files);
  if (!routes.ok()) return routes.status();
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = CreateBackendChannel(options.backend);
  if (!channel.ok()) return channel.status();
  return std::unique_ptr<Gateway>(
      new Gateway(options, *std::move(api), *std::move(routes), *std::move(channel)));
}

Gateway::Gateway(const GatewayOptions& options, ApiDescriptors api, RouteTable routes,
                 std::shared_ptr<grpc::Channel> channel)
    : options_(options),
      api_(std::move(api)),
      routes_(std::move(routes)),
      static_files_(options.web_root),
      login_limiter_(options.login_limit),
      write_limiter_(options.write_limit),
      openapi_(OpenApiDocument(routes_)),
      channel_(std::move(channel)) {
  stub_ = std::make_unique<grpc::GenericStub>(channel_);
  const int threads = options.completion_threads > 0 ? options.completion_threads : HalfTheCores();
  for (int i = 0; i < threads; ++i) {
    completion_threads_.emplace_back([this] {
      pthread_setname_np(pthread_self(), "cim-grpc-done");
      CompleteCalls();
    });
  }
}

Gateway::~Gateway() {
  stopping_ = true;
  {
    absl::MutexLock lock(&calls_mu_);
    for (grpc::ClientContext* context : calls_) context->TryCancel();
    calls_mu_.Await(absl::Condition(
        +[](absl::flat_hash_set<grpc::ClientContext*>* calls) { return calls->empty(); }, &calls_));
  }
  cq_.Shutdown();
  for (std::thread& thread : completion_threads_) thread.join();
}

void Gateway::Handle(HttpRequest incoming, const std::string& peer, Responder respond) {
  metrics_.Start();
  auto exchange = std::make_shared<Exchange>(Exchange{.request = std::move(incoming),
                                                      .request_id = NewRequestId(),
                                                      .start = absl::Now(),
                                                      .respond = std::move(respond)});
  const HttpRequest& request = exchange->request;
  const std::string& request_id = exchange->request_id;
  std::string& route = exchange->route;
  const absl::string_view target(request.target().data(), request.target().size());
  const size_t q = target.find('?');
  const absl::string_view path = target.substr(0, q);
  const absl::string_view query = q == absl::string_view::npos ? "" : target.substr(q + 1);

  HttpResponse response;
  const std::string origin = HeaderValue(request, "Origin");
  if (request.method() == http::verb::options && !origin.empty() &&
      !HeaderValue(request, "Access-Control-Request-Method").empty()) {
    response = Preflight(request, request_id);
    route = "preflight";
  } else if ((path == "/healthz" || path == "/readyz") && request.method() != http::verb::get &&
             request.method() != http::verb::head) {
    route = std::string(path);
    response = JsonError(request, 12,
                         absl::StrCat("method ", std::string(request.method_string()),
                                      " not allowed for ", path, ": use GET or HEAD"),
                         request_id, 405);
    response.set(http::field::allow, "GET, HEAD");
  } else if (path == "/healthz") {
    route = "/healthz";
    response = HttpResponse(http::status::ok, request.version());
    response.set(http::field::content_type, "text/plain");
    response.body() = "ok\n";
  } else if (path == "/readyz") {
    route = "/readyz";
    return Ready(std::move(exchange));
  } else if (path == "/metrics") {
    route = "/metrics";
    const bool direct = HeaderValue(request, "X-Forwarded-For").empty();
    if (request.method() == http::verb::get && direct &&
        std::find(options_.metrics_peers.begin(), options_.metrics_peers.end(), peer) !=
            options_.metrics_peers.end()) {
      response = HttpResponse(http::status::ok, request.version());
      response.set(http::field::content_type, "text/plain; version=0.0.4");
      metrics_.AppendText(response.body());
      AppendGauge(response.body(), "cim_gateway_backend_read_retries",
                  "Reads tried again on another replica after UNAVAILABLE.",
                  static_cast<double>(backend_retries_.load(std::memory_order_relaxed)));
    } else {
      response = JsonError(request, 5, "no such page: /metrics", request_id);
    }
  } else if (path == "/openapi.json" && IsSafeMethod(request.method())) {
    route = "/openapi.json";
    response = HttpResponse(http::status::ok, request.version());
    response.set(http::field::content_type, kJson);
    response.set(http::field::cache_control, "no-cache");
    response.body() = openapi_;
  } else if (absl::StartsWith(path, "/v1/") || path == "/v1") {
    std::optional<HttpResponse> refused =
        HandleApi(exchange, path, query, ClientAddress(request, peer));
    if (!refused) return;  // the call answers
    response = *std::move(refused);
  } else if (request.method() == http::verb::get || request.method() == http::verb::head) {
    route = "static";
    const bool wants_html = absl::StrContains(HeaderValue(request, "Accept"), "text/html");
    if (auto file = static_files_.Get(path, wants_html)) {
      response = HttpResponse(http::status::ok, request.version());
      response.set(http::field::content_type, file->content_type);
      response.set(http::field::cache_control, file->cache_control);
      response.body() = std::move(file->content);
    } else {
      response = JsonError(request, 5, absl::StrCat("no such page: ", path), request_id);
    }
  } else {
    response = JsonError(
        request, 5, absl::StrCat("no route for ", std::string(request.method_string()), " ", path),
        request_id);
  }
  Finish(*exchange, std::move(response));
}

void Gateway::Finish(Exchange& exchange, HttpResponse response) {
  const HttpRequest& request = exchange.request;
  Decorate(request, exchange.request_id, response);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  if (request.method() == http::verb::head) response.body().clear();
  metrics_.Finish({exchange.route.empty() ? "unmatched" : exchange.route,
                   std::to_string(response.result_int())},
                  absl::Now() - exchange.start);
  exchange.respond(std::move(response));
}

// A unary call in progress: started by StartCall, finished by a completion thread.
struct Gateway::PendingCall {
  grpc::ClientContext context;
  grpc::ByteBuffer reply;
  grpc::Status status;
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> reader;
  std::function<void(const grpc::Status&, const std::string&)> done;
};

void Gateway::StartCall(const std::string& grpc_path, const std::string& request_bytes,
                        const std::function<void(grpc::ClientContext&)>& prepare,
                        std::function<void(const grpc::Status&, const std::string&)> done) {
  auto* call = new PendingCall;
  call->done = std::move(done);
  prepare(call->context);
  {
    absl::MutexLock lock(&calls_mu_);
    calls_.insert(&call->context);
  }
  call->reader =
      stub_->PrepareUnaryCall(&call->context, grpc_path, ToByteBuffer(request_bytes), &cq_);
  call->reader->StartCall();
  call->reader->Finish(&call->reply, &call->status, call);
}

void Gateway::CompleteCalls() {
  void* tag = nullptr;
  bool ok = false;
  while (cq_.Next(&tag, &ok)) {
    auto* call = static_cast<PendingCall*>(tag);
    call->done(call->status, call->status.ok() ? FromByteBuffer(call->reply) : std::string());
    {
      absl::MutexLock lock(&calls_mu_);
      calls_.erase(&call->context);
    }
    delete call;
  }
}

void Gateway::Decorate(const HttpRequestHeader& request, const std::string& request_id,
                       http::fields& response) const {
  response.set("X-Request-Id", request_id);
  AddSecurityHeaders(response);
  if (const std::string origin = HeaderValue(request, "Origin");
      !origin.empty() && AllowedOrigin(origin)) {
    response.set(http::field::access_control_allow_origin, origin);
    response.set(http::field::access_control_allow_credentials, "true");
    response.set(http::field::access_control_expose_headers, kCorsExposedHeaders);
  }
  // Answers depend on the Origin header (the CORS headers above); caches must know.
  response.set(http::field::vary, "Origin");
}

std::string Gateway::ClientAddress(const HttpRequestHeader& request,
                                   const std::string& peer) const {
  if (std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), peer) ==
      options_.trusted_proxies.end()) {
    return peer;
  }
  const std::string forwarded = HeaderValue(request, "X-Forwarded-For");
  const absl::string_view last =
      absl::StripAsciiWhitespace(absl::string_view(forwarded).substr(forwarded.rfind(',') + 1));
  return last.empty() ? peer : std::string(last);
}

bool Gateway::AllowedOrigin(absl::string_view origin) const {
  return std::find(options_.cors_origins.begin(), options_.cors_origins.end(), origin) !=
         options_.cors_origins.end();
}

HttpResponse Gateway::Preflight(const HttpRequest& request, const std::string& request_id) {
  const std::string origin = HeaderValue(request, "Origin");
  if (!AllowedOrigin(origin)) {
    return JsonError(request, 7,
                     absl::StrCat("origin ", origin, " may not call this API from a browser"),
                     request_id);
  }
  HttpResponse response(http::status::no_content, request.version());
  response.set(http::field::access_control_allow_methods, kCorsMethods);
  response.set(http::field::access_control_allow_headers, kCorsRequestHeaders);
  response.set(http::field::access_control_max_age, "600");
  return response;
}

void Gateway::Ready(std::shared_ptr<Exchange> exchange) {
  // grpc.health.v1.HealthCheckRequest{} is the empty message.
  StartCall(
      "/grpc.health.v1.Health/Check", "",
      [](grpc::ClientContext& context) {
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
      },
      [this, exchange](const grpc::Status& status, const std::string& reply) {
        // HealthCheckResponse{status: SERVING} encodes as field 1 varint 1: 0x08 0x01.
        const bool serving = status.ok() && reply == std::string("\x08\x01", 2);
        HttpResponse response(serving ? http::status::ok : http::status::service_unavailable,
                              exchange->request.version());
        response.set(http::field::content_type, "text/plain");
        response.body() = serving ? "ready\n" : "not ready: server or database unavailable\n";
        Finish(*exchange, std::move(response));
      });
}

std::variant<Gateway::CallSetup, HttpResponse> Gateway::Admit(const HttpRequestHeader& request,
                                                              const Route& route,
                                                              const std::string& client,
                                                              const std::string& request_id) {
  const absl::Time now = absl::Now();
  if (route.session == cim::v1::SESSION_EFFECT_START) {
    if (auto wait = login_limiter_.Take(RateLimitKey(client), now)) {
      return TooManyRequests(request, "sign-in attempts", *wait, request_id);
    }
  } else if (!IsSafeMethod(request.method())) {
    if (auto wait = write_limiter_.Take(RateLimitKey(client), now)) {
      return TooManyRequests(request, "changes", *wait, request_id);
    }
  }
  CallSetup setup;
  // Long-lived streams (events) have no deadline unless the client sets one; file transfers
  // get the longest one (a slow phone moves 10 MB in minutes, not seconds).
  absl::Duration deadline = options_.default_deadline;
  if (route.client_streaming || route.is_download()) {
    deadline = options_.max_deadline;
  } else if (route.server_streaming) {
    deadline = absl::InfiniteDuration();
  }
  if (const std::string timeout = HeaderValue(request, "Grpc-Timeout"); !timeout.empty()) {
    absl::StatusOr<absl::Duration> parsed = ParseGrpcTimeout(timeout);
    if (!parsed.ok()) return JsonError(request, 3, parsed.status().message(), request_id);
    deadline = std::min(*parsed, options_.max_deadline);
  }
  setup.deadline = now + deadline;

  // Credentials: a Bearer header (mobile apps, scripts) or the session cookie (browsers).
  setup.authorization = HeaderValue(request, "Authorization");
  const std::string cookie_token = CookieValue(request, kSessionCookie);
  if (setup.authorization.empty() && !cookie_token.empty()) {
    if (!IsSafeMethod(request.method()) && HeaderValue(request, kClientHeader).empty()) {
      return JsonError(
          request, 7,
          absl::StrCat("cookie-authenticated requests that change state must send the ",
                       kClientHeader, " header (CSRF protection)"),
          request_id);
    }
    setup.authorization = absl::StrCat("Bearer ", cookie_token);
  }
  setup.client = client;
  setup.request_id = request_id;
  return setup;
}

void Gateway::PrepareContext(const CallSetup& setup, grpc::ClientContext& context) const {
  if (setup.deadline != absl::InfiniteFuture()) {
    context.set_deadline(absl::ToChronoTime(setup.deadline));
  }
  if (!setup.authorization.empty()) context.AddMetadata("authorization", setup.authorization);
  context.AddMetadata("x-request-id", setup.request_id);
  context.AddMetadata("x-forwarded-for", setup.client);
}

HttpResponse Gateway::GrpcError(const HttpRequestHeader& request, const grpc::Status& status,
                                const std::string& request_id) {
  const int code = static_cast<int>(status.error_code());
  HttpResponse response(static_cast<http::status>(HttpStatusForGrpcCode(code)), request.version());
  std::string message_text = status.error_message();
  if (code == grpc::StatusCode::UNAVAILABLE) {
    message_text = "the CIM server is unavailable; retry shortly";
  }
  response.set(http::field::content_type, kJson);
  response.set(http::field::cache_control, "no-store");
  response.body() = ErrorBody(code, message_text, status.error_details(), request_id);
  return response;
}

std::optional<HttpResponse> Gateway::HandleApi(const std::shared_ptr<Exchange>& exchange,
                                               absl::string_view path, absl::string_view query,
                                               const std::string& client) {
  const HttpRequest& request = exchange->request;
  const std::string& request_id = exchange->request_id;
  const std::string method(request.method_string());
  bool path_matched = false;
  std::optional<RouteMatch> match = routes_.Find(method, path, &path_matched);
  if (!match) {
    if (path_matched) {
      return JsonError(request, 12, absl::StrCat("method ", method, " not allowed for ", path),
                       request_id, 405);
    }
    return JsonError(request, 5, absl::StrCat("no API route for ", method, " ", path), request_id);
  }
  const Route& route = *match->route;
  exchange->route = absl::StrCat(route.http_method, " ", route.path.text());
  if (route.client_streaming || route.server_streaming) {
    // Only reached when the stream router declined it (not a /v1/ request then).
    return JsonError(request, 12, "this route streams", request_id);
  }
  std::variant<CallSetup, HttpResponse> admitted = Admit(request, route, client, request_id);
  if (auto* refused = std::get_if<HttpResponse>(&admitted)) return std::move(*refused);
  const CallSetup& setup = std::get<CallSetup>(admitted);

  if (!request.body().empty() && !route.body.empty()) {
    const std::string content_type = absl::AsciiStrToLower(HeaderValue(request, "Content-Type"));
    if (!absl::StartsWith(content_type, kJson)) {
      return JsonError(request, 3, "request body must be JSON (Content-Type: application/json)",
                       request_id, 415);
    }
  }
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> message =
      transcoder_.BuildRequest(*match, query, request.body());
  if (!message.ok()) return JsonError(request, 3, message.status().message(), request_id);

  if (absl::Now() >= setup.deadline) {
    return JsonError(request, 4, "the request's deadline passed before the call was made",
                     request_id);
  }
  CallRoute(exchange, route, std::make_shared<const CallSetup>(setup),
            std::make_shared<const std::string>((*message)->SerializeAsString()), 1);
  return std::nullopt;
}

void Gateway::CallRoute(std::shared_ptr<Exchange> exchange, const Route& route,
                        std::shared_ptr<const CallSetup> setup,
                        std::shared_ptr<const std::string> request_bytes, int attempt) {
  StartCall(
      route.grpc_path(), *request_bytes,
      [&](grpc::ClientContext& context) { PrepareContext(*setup, context); },
      [this, exchange, &route, setup, request_bytes, attempt](const grpc::Status& status,
                                                              const std::string& reply) {
        const HttpRequest& request = exchange->request;
        if (status.error_code() == grpc::StatusCode::UNAVAILABLE &&
            IsSafeMethod(request.method()) && attempt < kReadAttempts &&
            absl::Now() < setup->deadline && !stopping_) {
          backend_retries_.fetch_add(1, std::memory_order_relaxed);
          CallRoute(exchange, route, setup, request_bytes, attempt + 1);
          return;
        }
        Finish(*exchange, status.ok() ? RenderReply(request, route, reply, exchange->request_id)
                                      : WithSessionEnd(route, GrpcError(request, status,
                                                                        exchange->request_id)));
      });
}

HttpResponse Gateway::WithSessionEnd(const Route& route, HttpResponse response) const {
  if (route.session == cim::v1::SESSION_EFFECT_END) {
    response.insert(http::field::set_cookie,
                    absl::StrCat(kSessionCookie, "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
                                 options_.secure_cookies ? "; Secure" : ""));
  }
  return response;
}

HttpResponse Gateway::RenderReply(const HttpRequestHeader& request, const Route& route,
                                  const std::string& bytes, const std::string& request_id) {
  std::string token;
  absl::Time expires = absl::InfinitePast();
  absl::StatusOr<std::string> json;
  if (route.session == cim::v1::SESSION_EFFECT_START &&
      !HeaderValue(request, kClientHeader).empty()) {
    // Browser login: the token goes into an HttpOnly cookie, never into script's reach.
    std::unique_ptr<google::protobuf::Message> reply_message = transcoder_.NewResponse(route);
    if (!reply_message->ParseFromString(bytes)) {
      return JsonError(request, 13, "the server's reply could not be decoded", request_id);
    }
    const auto* desc = reply_message->GetDescriptor();
    const auto* refl = reply_message->GetReflection();
    if (const auto* f = desc->FindFieldByName("token")) {
      token = refl->GetString(*reply_message, f);
      refl->ClearField(reply_message.get(), f);
    }
    if (const auto* f = desc->FindFieldByName("expire_time")) {
      const google::protobuf::Message& ts = refl->GetMessage(*reply_message, f);
      const auto* sd = ts.GetDescriptor();
      expires =
          absl::FromUnixSeconds(ts.GetReflection()->GetInt64(ts, sd->FindFieldByName("seconds")));
    }
    json = transcoder_.ResponseToJson(route, *reply_message);
  } else {
    json = transcoder_.ResponseBytesToJson(route, bytes);
  }
  if (!json.ok()) return JsonError(request, 13, json.status().message(), request_id);
  HttpResponse response(http::status::ok, request.version());
  response.body() = *std::move(json);
  if (!token.empty()) {
    const int64_t max_age = std::max<int64_t>(0, absl::ToInt64Seconds(expires - absl::Now()));
    response.insert(
        http::field::set_cookie,
        absl::StrCat(kSessionCookie, "=", token, "; Path=/; Max-Age=", max_age,
                     "; HttpOnly; SameSite=Strict", options_.secure_cookies ? "; Secure" : ""));
  }
  response.set(http::field::content_type, kJson);
  response.set(http::field::cache_control, "no-store");
  return WithSessionEnd(route, std::move(response));
}

}  // namespace cim::gateway
