#include "portal-gateway/http_server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdio>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "portal-gateway/http_status.h"

namespace cim::gateway {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// `s` as a JSON string literal (the request line is the client's: quotes and control
// characters must not break the log line).
std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      // Control characters, and bytes that may not be valid UTF-8: the line stays valid JSON.
      absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

absl::string_view View(beast::string_view s) { return absl::string_view(s.data(), s.size()); }

// Writes one access log line to stderr with a single write, so lines of concurrent requests
// never interleave.
void LogAccess(const std::string& line) { std::fwrite(line.data(), 1, line.size(), stderr); }

}  // namespace

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One connection: plain (Stream = beast::tcp_stream) or TLS (TlsStream).
template <class Stream>
class HttpServer::Session : public std::enable_shared_from_this<HttpServer::Session<Stream>> {
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
        beast::get_lowest_layer(self->stream_)
            .expires_after(absl::ToChronoSeconds(self->server_.options_.idle_timeout));
        self->stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
          if (!ec) self->Read();
        });
      } else {
        self->Read();
      }
    });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(server_.options_.max_body_bytes);
    parser_->header_limit(16 * 1024);
    beast::get_lowest_layer(stream_).expires_after(
        absl::ToChronoSeconds(server_.options_.idle_timeout));
    http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec) {
      // Malformed HTTP or a body over the limit: answer once, then close.
      const bool too_large = ec == http::error::body_limit;
      HttpRequest dummy;
      HttpResponse response = JsonError(
          dummy, too_large ? 8 : 3,
          too_large
              ? absl::StrCat("request body larger than ", server_.options_.max_body_bytes, " bytes")
              : absl::StrCat("malformed HTTP request: ", ec.message()),
          "-", too_large ? 413 : 400);
      AddSecurityHeaders(response);
      response.keep_alive(false);
      response.prepare_payload();
      return Write(std::move(response), /*close=*/true);
    }
    HttpRequest request = parser_->release();
    ++server_.in_flight_;
    const absl::Time start = absl::Now();
    HttpResponse response = server_.handler_(request, peer_);
    --server_.in_flight_;
    if (server_.options_.access_log) {
      LogAccess(absl::StrCat(
          "{\"ts\":\"", absl::FormatTime(absl::RFC3339_full, start, absl::UTCTimeZone()),
          "\",\"peer\":", JsonString(peer_),
          ",\"method\":", JsonString(View(request.method_string())),
          ",\"target\":", JsonString(View(request.target().substr(0, request.target().find('?')))),
          ",\"status\":", response.result_int(),
          ",\"ms\":", absl::ToDoubleMilliseconds(absl::Now() - start),
          ",\"request_id\":", JsonString(View(response["X-Request-Id"])), "}\n"));
    }
    const bool close = !response.keep_alive() || server_.stopping_;
    if (close) response.keep_alive(false);
    Write(std::move(response), close);
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
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpServer& server_;
  std::string peer_;
};

HttpServer::HttpServer(const HttpServerOptions& options, Handler handler)
    : options_(options), handler_(std::move(handler)), acceptor_(ioc_) {}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                              Handler handler) {
  std::unique_ptr<HttpServer> server(new HttpServer(options, std::move(handler)));
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
  for (int i = 0; i < std::max(1, options.threads); ++i) {
    server->threads_.emplace_back([s = server.get()] { s->ioc_.run(); });
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
}

}  // namespace cim::gateway
