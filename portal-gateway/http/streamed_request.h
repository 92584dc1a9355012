// A request whose body or response streams (included by http_server.cc only). Its handler runs
// on a thread of its own and talks to the client through the HttpStream methods, each of which
// runs one operation on the connection's strand and waits for it. When the handler returns, the
// connection reads the next request if the request and the response allow, or closes.
#ifndef CIM_PORTAL_GATEWAY_HTTP_STREAMED_REQUEST_H_
#define CIM_PORTAL_GATEWAY_HTTP_STREAMED_REQUEST_H_

#include <pthread.h>

#include <future>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/http/session.h"

namespace cim::gateway {

template <class Stream>
class HttpServer::StreamedRequest final : public HttpStream {
 public:
  // Runs `route`'s handler for the request whose header `header` read (the body is read from
  // it), on a thread of its own.
  static void Start(std::shared_ptr<Session<Stream>> session,
                    http::request_parser<http::empty_body>& header, size_t body_limit,
                    bool declared_too_large, StreamingRoute route) {
    HttpServer& server = session->server();
    ++server.streams_;
    ++server.in_flight_;
    auto request = std::unique_ptr<StreamedRequest>(
        new StreamedRequest(std::move(session), header, body_limit, declared_too_large));
    // The work guard keeps the I/O threads running while the handler has nothing pending on
    // them: only Shutdown, after its grace period, stops them under a stream.
    std::thread([request = std::move(request), route = std::move(route),
                 work = asio::make_work_guard(server.ioc_)]() mutable {
      pthread_setname_np(pthread_self(), "cim-http-stream");
      HttpServer& server = request->session_->server();
      request->Run(route);
      work.reset();
      request.reset();  // before the count: the server may be destroyed once it reaches 0
      --server.streams_;
    }).detach();
  }

  // HttpStream, called on the stream handler's thread.
  const HttpRequestHeader& request() const override { return parser_.get(); }
  const std::string& peer() const override { return session_->peer(); }
  bool stopping() const override { return session_->server().stopping_; }
  bool abandoned() const override { return session_->server().ioc_.stopped(); }

  absl::StatusOr<std::string> ReadBody() override {
    const auto too_large = [&] {
      return absl::OutOfRangeError(
          absl::StrCat("request body larger than ", body_limit_, " bytes"));
    };
    if (declared_too_large_) return too_large();
    std::string chunk(64 * 1024, '\0');
    size_t n = 0;
    while (n == 0 && !parser_.is_done()) {
      parser_.get().body().data = chunk.data();
      parser_.get().body().size = chunk.size();
      beast::error_code ec = Await([&](auto done) {
        http::async_read_some(session_->stream(), session_->buffer(), parser_, std::move(done));
      });
      if (ec == http::error::need_buffer) ec = {};
      n = chunk.size() - parser_.get().body().size;
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
    return Check(Await(
        [&](auto done) { http::async_write(session_->stream(), response, std::move(done)); }));
  }

  absl::Status StartChunked(HttpResponseHeader header) override {
    http::response<http::empty_body> response(std::move(header));
    // HTTP/1.0 clients (and proxies that speak it upstream) cannot decode chunks: the body
    // runs to the end of the connection instead.
    raw_body_ = parser_.get().version() < 11;
    response.keep_alive(!raw_body_ && KeepAlive(response.keep_alive()));
    if (raw_body_) keep_alive_ = false;
    response.chunked(!raw_body_);
    NoteResponse(response);
    http::response_serializer<http::empty_body> serializer(response);
    return Check(Await([&](auto done) {
      http::async_write_header(session_->stream(), serializer, std::move(done));
    }));
  }

  absl::Status WriteChunk(absl::string_view data) override {
    if (data.empty()) return absl::OkStatus();  // an empty chunk would end the body
    return Check(Await([&](auto done) {
      const auto bytes = asio::buffer(data.data(), data.size());
      if (raw_body_) {
        asio::async_write(session_->stream(), bytes, std::move(done));
      } else {
        asio::async_write(session_->stream(), http::make_chunk(bytes), std::move(done));
      }
    }));
  }

  absl::Status FinishChunked() override {
    if (raw_body_) return absl::OkStatus();  // the connection's end ends the body
    return Check(Await([&](auto done) {
      asio::async_write(session_->stream(), http::make_chunk_last(), std::move(done));
    }));
  }

  void Abort() override { failed_ = true; }

 private:
  StreamedRequest(std::shared_ptr<Session<Stream>> session,
                  http::request_parser<http::empty_body>& header, size_t body_limit,
                  bool declared_too_large)
      : session_(std::move(session)),
        parser_(std::move(header)),
        body_limit_(body_limit),
        declared_too_large_(declared_too_large) {
    parser_.body_limit(body_limit_);
  }

  // The handler, an answer if it gave none, the log line, then the connection's next step.
  void Run(StreamingRoute& route) {
    const absl::Time start = absl::Now();
    route.handle(*this);
    if (status_ == 0) {
      Respond(JsonError(HttpRequest(), 13, "the stream ended without an answer", "-"))
          .IgnoreError();
    }
    session_->Log(View(request().method_string()), View(request().target()), status_, request_id_,
                  start);
    HttpServer& server = session_->server();
    const bool reuse = keep_alive_ && parser_.is_done() && !server.stopping_ && !failed_;
    --server.in_flight_;
    asio::post(session_->stream().get_executor(), [session = session_, reuse] {
      if (reuse) {
        session->Read();
      } else {
        session->Close();
      }
    });
  }

  // Whether the connection stays open after this response.
  bool KeepAlive(bool response_keep_alive) {
    keep_alive_ =
        response_keep_alive && parser_.get().keep_alive() && !session_->server().stopping_;
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
  // handler) and waits for it. operation_aborted if the server stopped meanwhile.
  template <class Op>
  beast::error_code Await(Op start) {
    auto result = std::make_shared<std::promise<beast::error_code>>();
    std::future<beast::error_code> done = result->get_future();
    asio::post(session_->stream().get_executor(), [this, &start, result] {
      beast::get_lowest_layer(session_->stream()).expires_after(session_->IdleTimeout());
      start([result](beast::error_code ec, size_t) { result->set_value(ec); });
    });
    HttpServer& server = session_->server();
    while (done.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout) {
      if (server.ioc_.stopped()) {
        // The operation may still be touching this thread's buffers on an I/O thread: give
        // up only once none runs.
        while (server.io_threads_running_ > 0) absl::SleepFor(absl::Milliseconds(1));
        if (done.wait_for(std::chrono::seconds(0)) == std::future_status::ready) return done.get();
        return asio::error::operation_aborted;
      }
    }
    return done.get();
  }

  std::shared_ptr<Session<Stream>> session_;
  http::request_parser<http::buffer_body> parser_;
  const size_t body_limit_;
  const bool declared_too_large_;  // Content-Length over body_limit_
  // The answer, for the log and for reusing the connection.
  int status_ = 0;
  std::string request_id_ = "-";
  bool keep_alive_ = false;
  bool failed_ = false;
  bool raw_body_ = false;  // an HTTP/1.0 client's streamed body: unchunked
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_STREAMED_REQUEST_H_
