// cim-gateway: parses flags, loads the API descriptors, serves HTTP until SIGTERM/SIGINT.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "lib/termination_signals.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/transcode/openapi.h"
#include "portal-gateway/transcode/route_table.h"

ABSL_FLAG(std::string, listen_address, "127.0.0.1", "HTTP listen address");
ABSL_FLAG(int, port, 8080, "HTTP port (0 picks a free one)");
ABSL_FLAG(std::string, backend, "127.0.0.1:50051",
          "cim-server replicas: host:port, a list (10.0.0.1:50051,10.0.0.2:50051) or a DNS name "
          "with several addresses; calls go round robin to those whose health is SERVING");
ABSL_FLAG(std::string, descriptor_set, CIM_DEFAULT_DESCRIPTOR_SET,
          "protoc descriptor set of the API (with imports)");
ABSL_FLAG(std::string, openapi_out, "",
          "write the OpenAPI document of --descriptor_set to this file and exit (web/ generates "
          "its API types from it)");
ABSL_FLAG(std::string, web_root, "", "folder of the built web portal (web/dist)");
ABSL_FLAG(int, threads, 0, "HTTP I/O threads (0: half the CPU cores)");
ABSL_FLAG(int64_t, max_body_bytes, 1 << 20, "largest accepted request body");
ABSL_FLAG(int64_t, max_upload_bytes, (10 << 20) + (64 << 10),
          "largest accepted upload (multipart/form-data body)");
ABSL_FLAG(int, completion_threads, 0,
          "threads completing gRPC calls and rendering replies (0: half the CPU cores)");
ABSL_FLAG(int, max_in_flight, 4096, "requests in progress at once; past it, 503 with Retry-After");
ABSL_FLAG(int, max_streams, 1000,
          "uploads, downloads and event streams in progress at once (each holds a thread)");
ABSL_FLAG(bool, secure_cookies, false,
          "mark session cookies Secure (on by itself with --tls_cert; set it when a proxy in "
          "front terminates TLS)");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain: serve HTTPS (with --tls_key)");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert");
ABSL_FLAG(std::vector<std::string>, cors_origins, {},
          "origins (scheme://host[:port], comma-separated) whose pages may call the API");
ABSL_FLAG(double, login_per_minute, 30,
          "sign-in requests per client address per minute (also the burst); 0: no limit");
ABSL_FLAG(double, writes_per_second, 20,
          "state-changing requests per client address per second (burst: twice that); 0: no "
          "limit");
ABSL_FLAG(std::vector<std::string>, trusted_proxies, {},
          "addresses of reverse proxies in front of the gateway (comma-separated): for their "
          "requests the client is the last X-Forwarded-For address");
ABSL_FLAG(absl::Duration, default_deadline, absl::Seconds(30),
          "deadline of a call without a Grpc-Timeout header");

namespace {

// Writes the OpenAPI document that the gateway would serve for `descriptor_set` to `path`.
absl::Status WriteOpenApi(const std::string& descriptor_set, const std::string& path) {
  absl::StatusOr<cim::gateway::ApiDescriptors> api =
      cim::gateway::LoadDescriptorSet(descriptor_set);
  if (!api.ok()) return api.status();
  absl::StatusOr<cim::gateway::RouteTable> routes = cim::gateway::RouteTable::Build(api->files);
  if (!routes.ok()) return routes.status();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << cim::gateway::OpenApiDocument(*routes);
  file.close();
  if (!file) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("CIM portal gateway: HTTP/JSON in front of cim-server");
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves Mutex deadlock detection (a global lock
  // graph updated on every lock) on; tests keep it, running binaries do not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (const std::string out = absl::GetFlag(FLAGS_openapi_out); !out.empty()) {
    absl::Status written = WriteOpenApi(absl::GetFlag(FLAGS_descriptor_set), out);
    if (!written.ok()) std::cerr << "cim-gateway: " << written << "\n";
    return written.ok() ? 0 : 1;
  }
  cim::BlockTerminationSignals();

  cim::gateway::GatewayOptions options;
  options.backend = absl::GetFlag(FLAGS_backend);
  options.descriptor_set = absl::GetFlag(FLAGS_descriptor_set);
  options.web_root = absl::GetFlag(FLAGS_web_root);
  const bool tls = !absl::GetFlag(FLAGS_tls_cert).empty();
  options.secure_cookies = absl::GetFlag(FLAGS_secure_cookies) || tls;
  options.cors_origins = absl::GetFlag(FLAGS_cors_origins);
  options.trusted_proxies = absl::GetFlag(FLAGS_trusted_proxies);
  const double logins = absl::GetFlag(FLAGS_login_per_minute);
  options.login_limit = {.per_second = logins / 60, .burst = std::max(1.0, logins)};
  const double writes = absl::GetFlag(FLAGS_writes_per_second);
  options.write_limit = {.per_second = writes, .burst = std::max(1.0, 2 * writes)};
  options.default_deadline = absl::GetFlag(FLAGS_default_deadline);
  options.max_upload_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_upload_bytes));
  options.completion_threads = absl::GetFlag(FLAGS_completion_threads);
  auto gateway = cim::gateway::Gateway::Create(options);
  if (!gateway.ok()) {
    std::cerr << "cim-gateway: " << gateway.status() << "\n";
    return 1;
  }
  cim::gateway::HttpServerOptions http;
  http.address = absl::GetFlag(FLAGS_listen_address);
  http.port = absl::GetFlag(FLAGS_port);
  http.threads = absl::GetFlag(FLAGS_threads);
  http.max_body_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_body_bytes));
  http.tls_certificate_file = absl::GetFlag(FLAGS_tls_cert);
  http.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  http.max_streams = absl::GetFlag(FLAGS_max_streams);
  http.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  http.add_headers = cim::gateway::AddSecurityHeaders;
  cim::gateway::Gateway* g = gateway->get();
  auto server = cim::gateway::HttpServer::Start(
      http,
      [g](cim::gateway::HttpRequest request, const std::string& peer,
          cim::gateway::Responder respond) {
        g->Handle(std::move(request), peer, std::move(respond));
      },
      [g](const auto& request, const std::string& peer) { return g->RouteStream(request, peer); });
  if (!server.ok()) {
    std::cerr << "cim-gateway: " << server.status() << "\n";
    return 1;
  }
  std::cerr << "cim-gateway: " << (*gateway)->routes().routes().size() << " routes, listening on "
            << http.address << ":" << (*server)->port() << (tls ? " (HTTPS)" : "") << std::endl;
  const int signal = cim::WaitForTerminationSignal();
  std::cerr << "cim-gateway: signal " << signal << ", finishing requests in flight" << std::endl;
  (*server)->Shutdown(absl::Seconds(10));
  (*server)->Wait();
  return 0;
}
