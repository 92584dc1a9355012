// A small HTTP/1.1 server on Boost.Beast: keep-alive, a request body limit (413 past it),
// read timeouts, a structured access log line per request, graceful shutdown, and optional TLS
// termination (a certificate chain and key in PEM files).
#ifndef CIM_PORTAL_GATEWAY_HTTP_SERVER_H_
#define CIM_PORTAL_GATEWAY_HTTP_SERVER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "portal-gateway/gateway.h"

namespace cim::gateway {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;   // 0 picks a free port
  int threads = 16;  // each waits for its gRPC call
  size_t max_body_bytes = 1 << 20;
  absl::Duration idle_timeout = absl::Seconds(60);
  bool access_log = true;
  // Both set: serve HTTPS (TLS 1.2 or later) with this certificate chain and private key.
  std::string tls_certificate_file;
  std::string tls_key_file;
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&, const std::string& peer)>;

  // Binds and starts serving on background threads. UNAVAILABLE if the address cannot be bound;
  // INVALID_ARGUMENT if the TLS files cannot be loaded.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options,
                                                           Handler handler);
  ~HttpServer();

  int port() const { return port_; }
  // Stops accepting, lets requests in flight finish (up to `grace`), then stops.
  void Shutdown(absl::Duration grace);
  // Blocks until the server has stopped.
  void Wait();

 private:
  template <class Stream>
  class Session;
  HttpServer(const HttpServerOptions& options, Handler handler);
  void Accept();

  HttpServerOptions options_;
  Handler handler_;
  boost::asio::io_context ioc_;
  std::unique_ptr<boost::asio::ssl::context> tls_;  // null: plain HTTP
  boost::asio::ip::tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> stopping_{false};
  int port_ = 0;
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_SERVER_H_
