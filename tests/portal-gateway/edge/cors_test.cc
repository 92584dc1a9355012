// Cors: only the configured origins (exact scheme://host[:port]) pass; a preflight is OPTIONS
// with Origin and Access-Control-Request-Method and is answered 204 with the allowed methods
// and headers (or 403 in the JSON error format); answers to an allowed origin carry
// Allow-Origin, credentials and the exposed headers, and every answer says Vary: Origin.
#include "portal-gateway/edge/cors.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

using ::testing::HasSubstr;

constexpr char kPortal[] = "https://partners.example";

HttpRequestHeader Request(http::verb method,
                          const std::vector<std::pair<std::string, std::string>>& headers) {
  HttpRequestHeader request;
  request.method(method);
  request.target("/v1/auth/login");
  request.version(11);
  for (const auto& [name, value] : headers) request.insert(name, value);
  return request;
}

TEST(CorsTest, AllowsOnlyTheExactConfiguredOrigins) {
  const Cors cors({kPortal, "http://localhost:5173"});
  EXPECT_TRUE(cors.Allowed("https://partners.example"));
  EXPECT_TRUE(cors.Allowed("http://localhost:5173"));
  EXPECT_FALSE(cors.Allowed("http://partners.example"));        // other scheme
  EXPECT_FALSE(cors.Allowed("https://partners.example:8443"));  // other port
  EXPECT_FALSE(cors.Allowed("https://partners.example/"));      // not an origin
  EXPECT_FALSE(cors.Allowed("https://evil.partners.example"));
  EXPECT_FALSE(cors.Allowed(""));
  EXPECT_FALSE(Cors({}).Allowed(kPortal));
}

TEST(CorsTest, APreflightIsOptionsWithOriginAndRequestMethod) {
  struct Case {
    const char* name;
    http::verb method;
    std::vector<std::pair<std::string, std::string>> headers;
    bool preflight;
  } cases[] = {
      {"preflight",
       http::verb::options,
       {{"Origin", kPortal}, {"Access-Control-Request-Method", "POST"}},
       true},
      {"without Origin", http::verb::options, {{"Access-Control-Request-Method", "POST"}}, false},
      {"without the requested method", http::verb::options, {{"Origin", kPortal}}, false},
      {"not OPTIONS",
       http::verb::post,
       {{"Origin", kPortal}, {"Access-Control-Request-Method", "POST"}},
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Cors::IsPreflight(Request(c.method, c.headers)), c.preflight);
  }
}

TEST(CorsTest, PreflightOfAnAllowedOriginIs204WithWhatMayBeSent) {
  const Cors cors({kPortal});
  const HttpResponse answer =
      cors.Preflight(Request(http::verb::options,
                             {{"Origin", kPortal}, {"Access-Control-Request-Method", "PATCH"}}),
                     "req-1");
  EXPECT_EQ(answer.result_int(), 204);
  EXPECT_EQ(answer[http::field::access_control_allow_methods], "GET, POST, PUT, PATCH, DELETE");
  EXPECT_EQ(answer[http::field::access_control_allow_headers],
            "Authorization, Content-Type, Grpc-Timeout, X-CIM-Client");
  EXPECT_EQ(answer[http::field::access_control_max_age], "600");
  EXPECT_EQ(answer.body(), "");
}

TEST(CorsTest, PreflightOfAnotherOriginIs403InTheJsonErrorFormat) {
  const Cors cors({kPortal});
  const HttpResponse answer = cors.Preflight(
      Request(http::verb::options,
              {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}}),
      "req-2");
  EXPECT_EQ(answer.result_int(), 403);
  EXPECT_EQ(answer[http::field::content_type], "application/json");
  EXPECT_EQ(answer[http::field::access_control_allow_methods], "");
  EXPECT_THAT(answer.body(), HasSubstr(R"("code":7)"));
  EXPECT_THAT(answer.body(),
              HasSubstr("origin https://evil.example may not call this API from a browser"));
  EXPECT_THAT(answer.body(), HasSubstr(R"("requestId":"req-2")"));
}

TEST(CorsTest, AnswersToAnAllowedOriginMayBeReadByIt) {
  const Cors cors({kPortal});
  http::fields response;
  cors.AddHeaders(Request(http::verb::get, {{"Origin", kPortal}}), response);
  EXPECT_EQ(response[http::field::access_control_allow_origin], kPortal);
  EXPECT_EQ(response[http::field::access_control_allow_credentials], "true");
  EXPECT_EQ(response[http::field::access_control_expose_headers], "Retry-After, X-Request-Id");
  EXPECT_EQ(response[http::field::vary], "Origin");
}

TEST(CorsTest, AnswersToOtherOriginsOrNoneOnlySayVaryOrigin) {
  const Cors cors({kPortal});
  for (const auto& headers : std::vector<std::vector<std::pair<std::string, std::string>>>{
           {{"Origin", "https://evil.example"}}, {}}) {
    SCOPED_TRACE(headers.empty() ? "no Origin" : "another origin");
    http::fields response;
    cors.AddHeaders(Request(http::verb::get, headers), response);
    EXPECT_EQ(response.count(http::field::access_control_allow_origin), 0u);
    EXPECT_EQ(response.count(http::field::access_control_allow_credentials), 0u);
    EXPECT_EQ(response.count(http::field::access_control_expose_headers), 0u);
    EXPECT_EQ(response[http::field::vary], "Origin");
  }
}

}  // namespace
}  // namespace cim::gateway
