#include "portal-gateway/gateway.h"

#include <google/protobuf/util/time_util.h>
#include <pthread.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/transcode/backend_channel.h"
#include "portal-gateway/transcode/grpc_stream.h"
#include "portal-gateway/transcode/openapi.h"

namespace cim::gateway {
namespace {

constexpr char kJson[] = "application/json";

}  // namespace

namespace {}  // namespace

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
      cors_(options.cors_origins),
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
  if (Cors::IsPreflight(request)) {
    response = cors_.Preflight(request, request_id);
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
    return Ready(exchange);
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
  cors_.AddHeaders(request, response);
}

void Gateway::Ready(const std::shared_ptr<Exchange>& exchange) {
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

  absl::StatusOr<std::string> authorization = CallAuthorization(request);
  if (!authorization.ok())
    return JsonError(request, 7, authorization.status().message(), request_id);
  setup.authorization = *std::move(authorization);
  setup.client = client;
  setup.request_id = request_id;
  // Metadata carries printable ASCII only; a header of anything else is left out.
  const auto passable = [&](const char* header, size_t max_size) {
    std::string value = HeaderValue(request, header);
    const bool printable =
        std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    return value.size() <= max_size && printable ? value : std::string();
  };
  setup.accept_language = passable("Accept-Language", 200);
  setup.user_agent = passable("User-Agent", 300);
  return setup;
}

void Gateway::PrepareContext(const CallSetup& setup, grpc::ClientContext& context) const {
  if (setup.deadline != absl::InfiniteFuture()) {
    context.set_deadline(absl::ToChronoTime(setup.deadline));
  }
  if (!setup.authorization.empty()) context.AddMetadata("authorization", setup.authorization);
  context.AddMetadata("x-request-id", setup.request_id);
  context.AddMetadata("x-forwarded-for", setup.client);
  if (!setup.accept_language.empty()) {
    context.AddMetadata("accept-language", setup.accept_language);
  }
  if (!setup.user_agent.empty()) context.AddMetadata("x-client-agent", setup.user_agent);
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
      HttpResponse refused = JsonError(
          request, 12, absl::StrCat("method ", method, " not allowed for ", path), request_id, 405);
      refused.set(http::field::allow, routes_.AllowedMethods(path));
      return refused;
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

void Gateway::CallRoute(const std::shared_ptr<Exchange>& exchange, const Route& route,
                        std::shared_ptr<const CallSetup> setup,
                        const std::shared_ptr<const std::string>& request_bytes, int attempt) {
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
