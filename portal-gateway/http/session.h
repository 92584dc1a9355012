// One connection of the HTTP server (included by http_server.cc only): plain (Stream =
// beast::tcp_stream) or TLS (TlsStream). Reads each request's header, then either its whole body
// (passed to the Handler, whose answer comes back to this strand, at once or when its call
// completes) or hands the request to a StreamedRequest (streamed_request.h) on a thread of its
// own. After each answer it reads the next request, or closes.
#ifndef CIM_PORTAL_GATEWAY_HTTP_SESSION_H_
#define CIM_PORTAL_GATEWAY_HTTP_SESSION_H_

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "portal-gateway/http/access_log.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/http/own_answers.h"

namespace cim::gateway {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

inline absl::string_view View(beast::string_view s) {
  return absl::string_view(s.data(), s.size());
}

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

  // Starts serving the connection (after the TLS handshake, for TLS).
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

  // Reads the next request's header.
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

  // Ends the connection: a TLS shutdown, or a half-close that reads what the client still sends
  // (a refused upload's rest) for a while, since closing with unread data would reset the
  // connection and could destroy our answer before the client reads it.
  void Close() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      stream_.expires_after(std::chrono::seconds(5));  // for the whole drain
      Drain(16 << 20);
    }
  }

  // One access log line for a request this connection served, if the log is on.
  void Log(absl::string_view method, absl::string_view target, int status,
           absl::string_view request_id, absl::Time start) const {
    if (!server_.options_.access_log) return;
    WriteAccessLog(AccessLogLine({.start = start,
                                  .took = absl::Now() - start,
                                  .peer = peer_,
                                  .method = method,
                                  .target = target,
                                  .status = status,
                                  .request_id = request_id}));
  }

  std::chrono::seconds IdleTimeout() const {
    return absl::ToChronoSeconds(server_.options_.idle_timeout);
  }
  Stream& stream() { return stream_; }
  beast::flat_buffer& buffer() { return buffer_; }
  HttpServer& server() { return server_; }
  const std::string& peer() const { return peer_; }

 private:
  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    std::optional<StreamingRoute> route;
    if (server_.router_) route = server_.router_(header_parser_->get(), peer_);
    body_limit_ = route ? route->max_body_bytes : server_.options_.max_body_bytes;
    // A declared length over the limit is refused before any of the body is read (for streams,
    // by their handler, which gets OUT_OF_RANGE from its first ReadBody).
    const auto length = header_parser_->content_length();
    const bool declared_too_large = length && *length > body_limit_;
    if (route) {
      if (server_.streams_ >= server_.options_.max_streams) {
        return Refuse("too many streams in progress; retry shortly");
      }
      return StreamedRequest<Stream>::Start(this->shared_from_this(), *header_parser_, body_limit_,
                                            declared_too_large, *std::move(route));
    }
    if (declared_too_large) return OnReadError(http::error::body_limit);
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
    Write(ec == http::error::body_limit
              ? BodyTooLargeAnswer(body_limit_, server_.options_.add_headers)
              : MalformedRequestAnswer(ec.message(), server_.options_.add_headers),
          /*close=*/true);
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
    std::string target(View(request.target()));
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
    Write(BusyAnswer(message, server_.options_.add_headers), /*close=*/true);
  }

  void Answer(absl::string_view method, absl::string_view target, absl::Time start,
              HttpResponse response) {
    --server_.in_flight_;
    Log(method, target, response.result_int(), View(response["X-Request-Id"]), start);
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

  void Drain(size_t left) {
    if (!drain_buffer_) drain_buffer_ = std::make_unique<std::array<char, 16384>>();
    stream_.async_read_some(asio::buffer(*drain_buffer_), [self = this->shared_from_this(), left](
                                                              beast::error_code ec, size_t n) {
      if (!ec && n < left) self->Drain(left - n);
    });
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> parser_;
  size_t body_limit_ = 0;
  std::unique_ptr<std::array<char, 16384>> drain_buffer_;
  HttpServer& server_;
  std::string peer_;
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_SESSION_H_
