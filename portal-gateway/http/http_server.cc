#include "portal-gateway/http/http_server.h"

#include <pthread.h>
#include <sched.h>

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdio>
#include <future>
#include <limits>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "lib/json_text.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/http/request.h"

namespace cim::gateway {

int HalfTheCores() {
  // The cores this process may use (a container's CPU set), not all of the machine's. Fewer
  // threads than cores cost less CPU per request: each wake-up then finds more work.
  cpu_set_t cpus;
  const int cores = sched_getaffinity(0, sizeof(cpus), &cpus) == 0
                        ? CPU_COUNT(&cpus)
                        : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores / 2);
}

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

absl::string_view View(beast::string_view s) { return absl::string_view(s.data(), s.size()); }

// Writes one access log line to stderr with a single write, so lines of concurrent requests
// never interleave.
void LogAccess(const std::string& line) { std::fwrite(line.data(), 1, line.size(), stderr); }

}  // namespace

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One connection: plain (Stream = beast::tcp_stream) or TLS (TlsStream). Reads each request's
// header, then either its whole body (passed to the Handler, whose answer comes back to this
// strand, at once or when its call completes) or hands the request to a stream handler on a
// thread of its own, which talks to the client through the HttpStream methods below.
template <class Stream>
class HttpServer::Session : public std::enable_shared_from_this<HttpServer::Session<Stream>>,
                            public HttpStream {
 public:
  template <typename... TlsContext>
  Session(tcp::socket socket, HttpServer& server, TlsContext&... tls)
      : stream_(std::move(socket), tls...), server_(server) {
    beast::error_code ec;
    auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    peer_ = ec ? "unknown" : endpoint.address().to_string();
  }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
      if constexpr (std::is_same_v<Stream, TlsStream>) {
        beast::get_lowest_layer(self->stream_).expires_after(self->IdleTimeout());
        self->stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
          if (!ec) self->Read();
        });
      } else {
        self->Read();
      }
    });
  }

  // HttpStream, called on the stream handler's thread.
  const HttpRequestHeader& request() const override { return stream_parser_->get(); }
  const std::string& peer() const override { return peer_; }
  bool stopping() const override { return server_.stopping_; }
  bool abandoned() const override { return server_.ioc_.stopped(); }

  absl::StatusOr<std::string> ReadBody() override {
    auto& parser = *stream_parser_;
    const auto too_large = [&] {
      return absl::OutOfRangeError(
          absl::StrCat("request body larger than ", body_limit_, " bytes"));
    };
    if (declared_too_large_) return too_large();
    std::string chunk(64 * 1024, '\0');
    size_t n = 0;
    while (n == 0 && !parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      beast::error_code ec = Await(
          [&](auto done) { http::async_read_some(stream_, buffer_, parser, std::move(done)); });
      if (ec == http::error::need_buffer) ec = {};
      n = chunk.size() - parser.get().body().size;
      if (ec == http::error::body_limit) return too_large();
      if (ec && ec.category() == http::make_error_code(http::error::body_limit).category()) {
        return absl::InvalidArgumentError(absl::StrCat("malformed request body: ", ec.message()));
      }
      if (ec) return absl::UnavailableError(absl::StrCat("client connection: ", ec.message()));
    }
    chunk.resize(n);
    return chunk;
  }

  absl::Status Respond(HttpResponse response) override {
    response.keep_alive(KeepAlive(response.keep_alive()));
    response.prepare_payload();
    NoteResponse(response);
    return Check(Await([&](auto done) { http::async_write(stream_, response, std::move(done)); }));
  }

  absl::Status StartChunked(HttpResponseHeader header) override {
    http::response<http::empty_body> response(std::move(header));
    // HTTP/1.0 clients (and proxies that speak it upstream) cannot decode chunks: the body
    // runs to the end of the connection instead.
    raw_body_ = stream_parser_->get().version() < 11;
    response.keep_alive(!raw_body_ && KeepAlive(response.keep_alive()));
    if (raw_body_) keep_alive_ = false;
    response.chunked(!raw_body_);
    NoteResponse(response);
    http::response_serializer<http::empty_body> serializer(response);
    return Check(
        Await([&](auto done) { http::async_write_header(stream_, serializer, std::move(done)); }));
  }

  absl::Status WriteChunk(absl::string_view data) override {
    if (data.empty()) return absl::OkStatus();  // an empty chunk would end the body
    return Check(Await([&](auto done) {
      if (raw_body_) {
        asio::async_write(stream_, asio::buffer(data.data(), data.size()), std::move(done));
      } else {
        asio::async_write(stream_, http::make_chunk(asio::buffer(data.data(), data.size())),
                          std::move(done));
      }
    }));
  }

  absl::Status FinishChunked() override {
    if (raw_body_) return absl::OkStatus();  // the connection's end ends the body
    return Check(Await(
        [&](auto done) { asio::async_write(stream_, http::make_chunk_last(), std::move(done)); }));
  }

  void Abort() override { failed_ = true; }

 private:
  std::chrono::seconds IdleTimeout() const {
    return absl::ToChronoSeconds(server_.options_.idle_timeout);
  }

  void Read() {
    header_parser_.emplace();
    header_parser_->header_limit(16 * 1024);
    // The limit depends on the route: checked once the header is in (OnHeader). (Not
    // boost::none: Boost 1.74 compares a length with it as if it were smaller than any.)
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::get_lowest_layer(stream_).expires_after(IdleTimeout());
    http::async_read_header(
        stream_, buffer_, *header_parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    std::optional<StreamingRoute> route;
    if (server_.router_) route = server_.router_(header_parser_->get(), peer_);
    body_limit_ = route ? route->max_body_bytes : server_.options_.max_body_bytes;
    // A declared length over the limit is refused before any of the body is read (for streams,
    // by their handler, which gets OUT_OF_RANGE from its first ReadBody).
    const auto length = header_parser_->content_length();
    declared_too_large_ = length && *length > body_limit_;
    if (route) return StartStream(*std::move(route));
    if (declared_too_large_) return OnReadError(http::error::body_limit);
    parser_.emplace(std::move(*header_parser_));
    parser_->body_limit(body_limit_);
    if (parser_->is_done()) return OnRead({});  // no body (most GETs): answer at once
    http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
      return Close();
    }
    // Malformed HTTP or a body over the limit: answer once, then close.
    const bool too_large = ec == http::error::body_limit;
    HttpResponse response =
        JsonError(HttpRequest(), too_large ? 8 : 3,
                  too_large ? absl::StrCat("request body larger than ", body_limit_, " bytes")
                            : absl::StrCat("malformed HTTP request: ", ec.message()),
                  "-", too_large ? 413 : 400);
    if (server_.options_.add_headers) server_.options_.add_headers(response);
    response.keep_alive(false);
    response.prepare_payload();
    Write(std::move(response), /*close=*/true);
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    if (server_.in_flight_ >= server_.options_.max_in_flight) {
      return Refuse("too many requests in progress; retry shortly");
    }
    HttpRequest request = parser_->release();
    ++server_.in_flight_;
    const absl::Time start = absl::Now();
    std::string method(View(request.method_string()));
    std::string target(View(request.target().substr(0, request.target().find('?'))));
    // Until its answer comes, the server's gate keeps this connection alive, not the
    // Responder: a Responder may outlive the server, and a connection must close before its
    // I/O context is destroyed. (This entry keeps the address from being reused meanwhile.)
    const void* key = this;
    {
      absl::MutexLock lock(&server_.gate_->mu);
      server_.gate_->waiting.emplace(key, this->shared_from_this());
    }
    server_.handler_(
        std::move(request), peer_,
        [key, gate = server_.gate_, start, method = std::move(method),
         target = std::move(target)](HttpResponse response) mutable {
          absl::MutexLock lock(&gate->mu);
          if (!gate->open) return;  // the server is gone, its connections closed
          auto session = std::static_pointer_cast<Session>(gate->waiting.extract(key).mapped());
          asio::post(session->stream_.get_executor(),
                     [session, start, method = std::move(method), target = std::move(target),
                      response = std::move(response)]() mutable {
                       session->Answer(method, target, start, std::move(response));
                     });
        });
  }

  // Answers 503 with Retry-After and closes the connection.
  void Refuse(absl::string_view message) {
    HttpResponse response = JsonError(HttpRequest(), 14, message, "-", 503);
    if (server_.options_.add_headers) server_.options_.add_headers(response);
    response.set(http::field::retry_after, "1");
    response.keep_alive(false);
    response.prepare_payload();
    Write(std::move(response), /*close=*/true);
  }

  void Answer(absl::string_view method, absl::string_view target, absl::Time start,
              HttpResponse response) {
    --server_.in_flight_;
    Log(method, target, response.result_int(), View(response["X-Request-Id"]), start);
    const bool close = !response.keep_alive() || server_.stopping_;
    if (close) response.keep_alive(false);
    Write(std::move(response), close);
  }

  void Log(absl::string_view method, absl::string_view target, int status,
           absl::string_view request_id, absl::Time start) {
    if (!server_.options_.access_log) return;
    LogAccess(absl::StrCat(
        "{\"ts\":\"", absl::FormatTime(absl::RFC3339_full, start, absl::UTCTimeZone()),
        "\",\"peer\":", JsonString(peer_, /*ascii_only=*/true),
        ",\"method\":", JsonString(method, /*ascii_only=*/true),
        ",\"target\":", JsonString(target, /*ascii_only=*/true), ",\"status\":", status,
        ",\"ms\":", absl::ToDoubleMilliseconds(absl::Now() - start),
        ",\"request_id\":", JsonString(request_id, /*ascii_only=*/true), "}\n"));
  }

  void Write(HttpResponse response, bool close) {
    auto shared = std::make_shared<HttpResponse>(std::move(response));
    http::async_write(
        stream_, *shared,
        [self = this->shared_from_this(), shared, close](beast::error_code ec, size_t) {
          if (ec || close) return self->Close();
          self->Read();
        });
  }

  void Close() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      // Half-close, then read what the client still sends (a refused upload's rest) for a
      // while: closing with unread data would reset the connection and could destroy our
      // answer before the client reads it.
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      stream_.expires_after(std::chrono::seconds(5));  // for the whole drain
      Drain(16 << 20);
    }
  }

  void Drain(size_t left) {
    if (!drain_buffer_) drain_buffer_ = std::make_unique<std::array<char, 16384>>();
    stream_.async_read_some(asio::buffer(*drain_buffer_), [self = this->shared_from_this(), left](
                                                              beast::error_code ec, size_t n) {
      if (!ec && n < left) self->Drain(left - n);
    });
  }

  // A request that streams: its handler runs on its own thread; this connection reads the next
  // request after it, if the request and response allow.
  void StartStream(StreamingRoute route) {
    stream_parser_.emplace(std::move(*header_parser_));
    stream_parser_->body_limit(body_limit_);
    status_ = 0;
    request_id_ = "-";
    keep_alive_ = false;
    failed_ = false;
    raw_body_ = false;
    if (server_.streams_ >= server_.options_.max_streams) {
      return Refuse("too many streams in progress; retry shortly");
    }
    ++server_.streams_;
    ++server_.in_flight_;
    // Keeps the I/O threads running while the handler has nothing pending on them: only
    // Shutdown, after its grace period, stops them under a stream.
    std::thread([self = this->shared_from_this(), route = std::move(route),
                 work = asio::make_work_guard(server_.ioc_)]() mutable {
      pthread_setname_np(pthread_self(), "cim-http-stream");
      const absl::Time start = absl::Now();
      route.handle(*self);
      if (self->status_ == 0) {
        self->Respond(JsonError(HttpRequest(), 13, "the stream ended without an answer", "-"))
            .IgnoreError();
      }
      const HttpRequestHeader& request = self->request();
      self->Log(View(request.method_string()),
                View(request.target().substr(0, request.target().find('?'))), self->status_,
                self->request_id_, start);
      const bool reuse = self->keep_alive_ && self->stream_parser_->is_done() &&
                         !self->server_.stopping_ && !self->failed_;
      HttpServer& server = self->server_;
      --server.in_flight_;
      asio::post(self->stream_.get_executor(), [self, reuse] {
        if (reuse) {
          self->Read();
        } else {
          self->Close();
        }
      });
      work.reset();
      self.reset();  // before the count: the server may be destroyed once it reaches 0
      --server.streams_;
    }).detach();
  }

  // Whether the connection stays open after this response.
  bool KeepAlive(bool response_keep_alive) {
    keep_alive_ = response_keep_alive && stream_parser_->get().keep_alive() && !server_.stopping_;
    return keep_alive_;
  }

  template <class Body>
  void NoteResponse(const http::response<Body>& response) {
    status_ = response.result_int();
    request_id_ = std::string(View(response["X-Request-Id"]));
  }

  absl::Status Check(beast::error_code ec) {
    if (!ec) return absl::OkStatus();
    failed_ = true;
    return absl::UnavailableError(absl::StrCat("client connection: ", ec.message()));
  }

  // Starts an asynchronous operation on the connection's strand (`start` gets its completion
  // handler) and waits for it, for stream handlers on their own threads. operation_aborted if
  // the server stopped meanwhile.
  template <class Op>
  beast::error_code Await(Op start) {
    auto result = std::make_shared<std::promise<beast::error_code>>();
    std::future<beast::error_code> done = result->get_future();
    asio::post(stream_.get_executor(), [this, &start, result] {
      beast::get_lowest_layer(stream_).expires_after(IdleTimeout());
      start([result](beast::error_code ec, size_t) { result->set_value(ec); });
    });
    while (done.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout) {
      if (server_.ioc_.stopped()) {
        // The operation may still be touching this thread's buffers on an I/O thread: give
        // up only once none runs.
        while (server_.io_threads_running_ > 0) absl::SleepFor(absl::Milliseconds(1));
        if (done.wait_for(std::chrono::seconds(0)) == std::future_status::ready) return done.get();
        return asio::error::operation_aborted;
      }
    }
    return done.get();
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::request_parser<http::buffer_body>> stream_parser_;
  size_t body_limit_ = 0;
  bool declared_too_large_ = false;  // Content-Length over body_limit_
  std::unique_ptr<std::array<char, 16384>> drain_buffer_;
  HttpServer& server_;
  std::string peer_;
  // The streamed request's answer, for the log and for reusing the connection.
  int status_ = 0;
  std::string request_id_ = "-";
  bool keep_alive_ = false;
  bool failed_ = false;
  bool raw_body_ = false;  // an HTTP/1.0 client's streamed body: unchunked
};

HttpServer::HttpServer(const HttpServerOptions& options, Handler handler, StreamRouter router)
    : options_(options),
      handler_(std::move(handler)),
      router_(std::move(router)),
      acceptor_(ioc_) {}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                              Handler handler,
                                                              StreamRouter router) {
  std::unique_ptr<HttpServer> server(
      new HttpServer(options, std::move(handler), std::move(router)));
  if (!options.tls_certificate_file.empty() || !options.tls_key_file.empty()) {
    auto tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1);
    beast::error_code tls_ec;
    tls->use_certificate_chain_file(options.tls_certificate_file, tls_ec);
    if (!tls_ec) tls->use_private_key_file(options.tls_key_file, asio::ssl::context::pem, tls_ec);
    if (tls_ec) {
      return absl::InvalidArgumentError(absl::StrCat("TLS certificate ",
                                                     options.tls_certificate_file, " and key ",
                                                     options.tls_key_file, ": ", tls_ec.message()));
    }
    server->tls_ = std::move(tls);
  }
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("bad address ", options.address));
  tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  server->acceptor_.open(endpoint.protocol(), ec);
  if (!ec) server->acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) server->acceptor_.bind(endpoint, ec);
  if (!ec) server->acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.address, ":", options.port, ": ", ec.message()));
  }
  server->port_ = server->acceptor_.local_endpoint().port();
  server->Accept();
  const int threads = options.threads > 0 ? options.threads : HalfTheCores();
  for (int i = 0; i < threads; ++i) {
    ++server->io_threads_running_;
    server->threads_.emplace_back([s = server.get()] {
      pthread_setname_np(pthread_self(), "cim-http");
      s->ioc_.run();
      --s->io_threads_running_;
    });
  }
  return server;
}

void HttpServer::Accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!stopping_) Accept();
      return;
    }
    if (tls_) {
      std::make_shared<Session<TlsStream>>(std::move(socket), *this, *tls_)->Start();
    } else {
      std::make_shared<Session<beast::tcp_stream>>(std::move(socket), *this)->Start();
    }
    Accept();
  });
}

void HttpServer::Shutdown(absl::Duration grace) {
  if (stopping_.exchange(true)) return;
  asio::post(ioc_, [this] {
    beast::error_code ec;
    acceptor_.close(ec);
  });
  const absl::Time deadline = absl::Now() + grace;
  while (in_flight_ > 0 && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(10));
  ioc_.stop();
}

void HttpServer::Wait() {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

HttpServer::~HttpServer() {
  Shutdown(absl::ZeroDuration());
  Wait();
  // Stream handlers still running see the stopped server at their next network call and end;
  // they use this server until then.
  while (streams_ > 0) absl::SleepFor(absl::Milliseconds(1));
  // Connections still waiting for an answer close now, while the I/O context exists.
  absl::flat_hash_map<const void*, std::shared_ptr<void>> waiting;
  {
    absl::MutexLock lock(&gate_->mu);
    gate_->open = false;
    waiting.swap(gate_->waiting);
  }
}

}  // namespace cim::gateway
