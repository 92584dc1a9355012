// The HTTP server on its own, over real sockets: keep-alive, the body limit (413) and malformed
// HTTP (400) with the configured headers, streamed requests (body read in pieces, answers in
// chunks, raw for HTTP/1.0, OUT_OF_RANGE past their own limit, 500 when the handler gives no
// answer), answers that come after the server is gone go nowhere, and requests past the
// in-flight limit get 503 with Retry-After.
#include "portal-gateway/http/http_server.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/http_client.h"

namespace cim::gateway {
namespace {

using ::cim::testing::HttpResult;
using ::cim::testing::HttpSend;
using ::cim::testing::HttpSendRaw;
using ::testing::HasSubstr;
using ::testing::Not;

// Answers each buffered request with its method and target.
void Echo(HttpRequest request, const std::string&, Responder respond) {
  HttpResponse response(http::status::ok, request.version());
  response.body() = absl::StrCat(std::string(request.method_string()), " ",
                                 std::string(request.target()), " ", request.body().size());
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  respond(std::move(response));
}

std::unique_ptr<HttpServer> StartServer(HttpServerOptions options, HttpServer::Handler handler,
                                        HttpServer::StreamRouter router = nullptr) {
  options.port = 0;
  options.access_log = false;
  auto server = HttpServer::Start(options, std::move(handler), std::move(router));
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

TEST(HttpServerTest, OneConnectionServesRequestsInTurn) {
  auto server = StartServer({}, Echo);
  ASSERT_NE(server, nullptr);
  const std::string out = HttpSendRaw(server->port(),
                                      "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                      "POST /b?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                      "Connection: close\r\n\r\nabc");
  const size_t first = out.find("GET /a 0");
  ASSERT_NE(first, std::string::npos) << out;
  EXPECT_NE(out.find("POST /b?x=1 3", first), std::string::npos) << out;
}

TEST(HttpServerTest, OversizedBodiesAre413AndMalformedHttpIs400) {
  HttpServerOptions options;
  options.max_body_bytes = 10;
  options.add_headers = [](http::fields& f) { f.set("X-Frame-Options", "DENY"); };
  auto server = StartServer(options, Echo);
  ASSERT_NE(server, nullptr);
  const HttpResult fits = HttpSend(server->port(), "POST", "/fits", "0123456789");
  EXPECT_EQ(fits.status, 200);
  EXPECT_EQ(fits.body, "POST /fits 10");
  const HttpResult large = HttpSend(server->port(), "POST", "/large", "0123456789!");
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(large.header("x-frame-options"), "DENY");
  EXPECT_EQ(large.header("connection"), "close");
  EXPECT_THAT(large.body, HasSubstr("request body larger than 10 bytes"));
  const std::string malformed = HttpSendRaw(server->port(), "GET / HTTP/9.9 junk\r\n\r\n");
  EXPECT_THAT(malformed, HasSubstr("HTTP/1.1 400"));
  EXPECT_THAT(malformed, HasSubstr("X-Frame-Options: DENY"));
  EXPECT_THAT(malformed, HasSubstr("malformed HTTP request"));
}

// Streams requests to /stream: reads the whole body, then answers its size and "done" in two
// chunks. `limit` is the route's body limit; `status` receives ReadBody's last failure.
HttpServer::StreamRouter StreamRoute(size_t limit, absl::Status* status = nullptr) {
  return [limit, status](const HttpRequestHeader& header,
                         const std::string&) -> std::optional<StreamingRoute> {
    if (header.target() != "/stream") return std::nullopt;
    return StreamingRoute{
        .max_body_bytes = limit, .handle = [status](HttpStream& stream) {
          size_t size = 0;
          for (;;) {
            absl::StatusOr<std::string> piece = stream.ReadBody();
            if (!piece.ok()) {
              if (status != nullptr) *status = piece.status();
              stream.Respond(HttpResponse(http::status::payload_too_large, 11)).IgnoreError();
              return;
            }
            if (piece->empty()) break;
            size += piece->size();
          }
          HttpResponseHeader header;
          header.result(http::status::ok);
          header.set(http::field::content_type, "text/plain");
          EXPECT_TRUE(stream.StartChunked(std::move(header)).ok());
          EXPECT_TRUE(stream.WriteChunk(absl::StrCat(size, " ")).ok());
          EXPECT_TRUE(stream.WriteChunk("done").ok());
          EXPECT_TRUE(stream.FinishChunked().ok());
        }};
  };
}

TEST(HttpServerTest, AStreamedRequestReadsItsBodyAndAnswersInChunks) {
  auto server = StartServer({}, Echo, StreamRoute(1 << 20));
  ASSERT_NE(server, nullptr);
  const std::string body(300000, 'x');  // over the buffered limit: only the route's applies
  const HttpResult streamed = HttpSend(server->port(), "POST", "/stream", body);
  EXPECT_EQ(streamed.status, 200);
  EXPECT_EQ(streamed.header("transfer-encoding"), "chunked");
  EXPECT_EQ(streamed.body, "300000 done");
  // The connection goes on after a stream: a buffered request follows on the same one.
  const std::string out =
      HttpSendRaw(server->port(),
                  "POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                  "\r\nab"
                  "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_THAT(out, HasSubstr("\r\n2\r\n2 \r\n4\r\ndone\r\n0\r\n\r\n"));  // chunks
  EXPECT_THAT(out, HasSubstr("GET /after 0"));
}

TEST(HttpServerTest, AnHttp10ClientGetsTheStreamUnchunkedUntilTheConnectionCloses) {
  auto server = StartServer({}, Echo, StreamRoute(1 << 20));
  ASSERT_NE(server, nullptr);
  const std::string out =
      HttpSendRaw(server->port(), "POST /stream HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_THAT(out, HasSubstr(" 200 OK\r\n"));
  EXPECT_THAT(out, Not(HasSubstr("chunked")));
  EXPECT_EQ(out.substr(out.size() - 6), "5 done") << out;
}

TEST(HttpServerTest, AStreamPastItsLimitReadsOutOfRange) {
  absl::Status status;
  auto server = StartServer({}, Echo, StreamRoute(4, &status));
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(HttpSend(server->port(), "POST", "/stream", "12345").status, 413);
  EXPECT_EQ(status.code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(status.message()), HasSubstr("larger than 4 bytes"));
}

TEST(HttpServerTest, AStreamThatGivesNoAnswerGets500) {
  auto server = StartServer({}, Echo, [](const HttpRequestHeader&, const std::string&) {
    return std::optional<StreamingRoute>(
        StreamingRoute{.max_body_bytes = 100, .handle = [](HttpStream&) {}});
  });
  ASSERT_NE(server, nullptr);
  const HttpResult result = HttpSend(server->port(), "GET", "/anything");
  EXPECT_EQ(result.status, 500);
  EXPECT_THAT(result.body, HasSubstr("the stream ended without an answer"));
}

// An HttpServer whose handler keeps each Responder to answer later.
struct LateAnswers {
  absl::Mutex mu;
  std::vector<Responder> pending ABSL_GUARDED_BY(mu);

  HttpServer::Handler Handler() {
    return [this](HttpRequest, const std::string&, Responder respond) {
      absl::MutexLock lock(&mu);
      pending.push_back(std::move(respond));
    };
  }
  void AwaitPending(size_t n) {
    while (true) {
      {
        absl::MutexLock lock(&mu);
        if (pending.size() >= n) return;
      }
      absl::SleepFor(absl::Milliseconds(5));
    }
  }
};

TEST(HttpServerTest, AnswersAfterTheServerIsGoneAreDropped) {
  LateAnswers late;
  HttpServerOptions http;
  http.port = 0;
  http.access_log = false;
  auto server = HttpServer::Start(http, late.Handler());
  ASSERT_TRUE(server.ok()) << server.status();
  HttpResult result;
  std::thread client(
      [&, port = (*server)->port()] { result = testing::HttpSend(port, "GET", "/x"); });
  late.AwaitPending(1);
  server->reset();  // the connection waiting for its answer closes
  client.join();
  EXPECT_EQ(result.status, 0);  // no answer, connection closed

  // The late answer goes nowhere (under ASan: without touching the destroyed server).
  absl::MutexLock lock(&late.mu);
  late.pending[0](HttpResponse(http::status::ok, 11));
  late.pending.clear();
}

TEST(HttpServerTest, RequestsPastTheInFlightLimitGet503) {
  LateAnswers late;
  HttpServerOptions http;
  http.port = 0;
  http.access_log = false;
  http.max_in_flight = 1;
  auto server = HttpServer::Start(http, late.Handler());
  ASSERT_TRUE(server.ok()) << server.status();
  const int port = (*server)->port();
  HttpResult first;
  std::thread client([&] { first = testing::HttpSend(port, "GET", "/first"); });
  late.AwaitPending(1);

  const HttpResult second = testing::HttpSend(port, "GET", "/second");
  EXPECT_EQ(second.status, 503);
  EXPECT_EQ(second.header("retry-after"), "1");
  EXPECT_THAT(second.body, HasSubstr("too many requests in progress"));

  {
    absl::MutexLock lock(&late.mu);
    HttpResponse answer(http::status::ok, 11);
    answer.body() = "first";
    answer.prepare_payload();
    late.pending[0](std::move(answer));
  }
  client.join();
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "first");
}

}  // namespace
}  // namespace cim::gateway
