// A small HTTP/1.1 server on Boost.Beast: keep-alive, a request body limit (413 past it),
// read timeouts, a structured access log line per request, graceful shutdown, and optional TLS
// termination (a certificate chain and key in PEM files). Requests are read header first, so
// that some can be streamed (uploads, downloads, Server-Sent Events) instead of buffered.
#ifndef CIM_PORTAL_GATEWAY_HTTP_HTTP_SERVER_H_
#define CIM_PORTAL_GATEWAY_HTTP_HTTP_SERVER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

// Half the CPU cores this process may run on, at least 1: the default number of HTTP I/O
// threads, and of threads completing gRPC calls.
int HalfTheCores();

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  // I/O threads; 0: half the CPU cores (the gateway's gRPC completion threads use the rest).
  int threads = 0;
  size_t max_body_bytes = 1 << 20;  // buffered requests; streamed ones set their own
  absl::Duration idle_timeout = absl::Seconds(60);
  bool access_log = true;
  // Streamed requests in progress at once (each has a thread); past it, 503.
  int max_streams = 1000;
  // Requests in progress at once (buffered ones waiting for their answer, and streams); past
  // it, 503. Bounds the memory their bodies hold.
  int max_in_flight = 4096;
  // Headers every answer the server writes itself (413, 503, …) carries: the gateway's
  // security headers.
  std::function<void(http::fields&)> add_headers;
  // Both set: serve HTTPS (TLS 1.2 or later) with this certificate chain and private key.
  std::string tls_certificate_file;
  std::string tls_key_file;
};

// One request whose body or response streams. Its handler runs on a thread of its own and may
// block; each call waits for the network.
class HttpStream {
 public:
  virtual ~HttpStream() = default;
  virtual const HttpRequestHeader& request() const = 0;
  virtual const std::string& peer() const = 0;
  // The next piece of the request body (up to 64 KiB); empty once all of it has been read.
  // OUT_OF_RANGE past the body limit, INVALID_ARGUMENT for malformed framing, UNAVAILABLE if
  // the client went away or sent nothing for the idle timeout.
  virtual absl::StatusOr<std::string> ReadBody() = 0;
  // Sends a whole response (its payload prepared here). Nothing may be written after it.
  virtual absl::Status Respond(HttpResponse response) = 0;
  // Starts a response whose body follows in chunks (Transfer-Encoding: chunked).
  virtual absl::Status StartChunked(HttpResponseHeader header) = 0;
  // UNAVAILABLE if the client went away or did not read for the idle timeout.
  virtual absl::Status WriteChunk(absl::string_view data) = 0;
  // Ends a chunked response.
  virtual absl::Status FinishChunked() = 0;
  // Ends a chunked response as broken: the connection closes without the final chunk, so the
  // client knows the body is incomplete.
  virtual void Abort() = 0;
  // True once the server is shutting down: long-lived streams should end.
  virtual bool stopping() const = 0;
  // True once the shutdown's grace period is over: end now, cancelling what is in progress.
  virtual bool abandoned() const = 0;
};

// How to serve a request that streams: its body limit and its handler.
struct StreamingRoute {
  size_t max_body_bytes = 0;
  std::function<void(HttpStream&)> handle;
};

class HttpServer {
 public:
  // Answers a request whose whole body has been read (see Gateway::Handle): calls the
  // Responder once, at once or later from any thread, and never blocks.
  using Handler = std::function<void(HttpRequest, const std::string& peer, Responder)>;
  // Called with each request's header: a StreamingRoute for requests that stream, nullopt for
  // those the Handler answers once their whole body is read.
  using StreamRouter =
      std::function<std::optional<StreamingRoute>(const HttpRequestHeader&, const std::string&)>;

  // Binds and starts serving on background threads. UNAVAILABLE if the address cannot be bound;
  // INVALID_ARGUMENT if the TLS files cannot be loaded.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options,
                                                           Handler handler,
                                                           StreamRouter router = nullptr);
  ~HttpServer();

  int port() const { return port_; }
  // Stops accepting, lets requests in flight finish (up to `grace`), then stops.
  void Shutdown(absl::Duration grace);
  // Blocks until the server has stopped.
  void Wait();

 private:
  // One connection (session.h) and one streamed request on it (streamed_request.h).
  template <class Stream>
  class Session;
  template <class Stream>
  class StreamedRequest;
  HttpServer(const HttpServerOptions& options, Handler handler, StreamRouter router);
  void Accept();

  HttpServerOptions options_;
  Handler handler_;
  StreamRouter router_;
  boost::asio::io_context ioc_;
  std::unique_ptr<boost::asio::ssl::context> tls_;  // null: plain HTTP
  boost::asio::ip::tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> streams_{0};  // stream handler threads running
  std::atomic<int> io_threads_running_{0};
  std::atomic<bool> stopping_{false};
  int port_ = 0;
  // Closed when the server is destroyed: answers that come later are dropped.
  struct Gate {
    absl::Mutex mu;
    bool open ABSL_GUARDED_BY(mu) = true;
    // Connections waiting for the answer to a buffered request, by address.
    absl::flat_hash_map<const void*, std::shared_ptr<void>> waiting ABSL_GUARDED_BY(mu);
  };
  std::shared_ptr<Gate> gate_ = std::make_shared<Gate>();
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_HTTP_SERVER_H_
