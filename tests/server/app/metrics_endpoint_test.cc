// The server's Prometheus metrics: calls by method and code, database pool use, and the HTTP
// endpoint that serves them.
#include "server/app/metrics_endpoint.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::testing::HasSubstr;

TEST(ServerMetricsTest, CountsCallsByMethodAndCode) {
  testing::TestServer server;
  server.CreateUser("rep@metrics.example", cim::v1::ROLE_PARTNER_REP,
                    server.CreatePartner("Metrics B.V.").id());
  const std::string token = server.Login("rep@metrics.example");
  auto auth = cim::v1::AuthService::NewStub(server.channel());
  for (const std::string& credential : {token, token, std::string("cims_nobody")}) {
    cim::v1::Principal me;
    auth->WhoAmI(testing::TestServer::Context(credential).get(), cim::v1::WhoAmIRequest(), &me);
  }

  const std::string text = server.app().MetricsText();
  for (
      const char* line : {
          R"(cim_server_grpc_requests_total{method="/cim.v1.AuthService/Login",code="OK"} 1)",
          R"(cim_server_grpc_requests_total{method="/cim.v1.AuthService/WhoAmI",code="OK"} 2)",
          R"(cim_server_grpc_requests_total{method="/cim.v1.AuthService/WhoAmI",code="UNAUTHENTICATED"} 1)",
          R"(cim_server_grpc_request_duration_seconds_count{method="/cim.v1.AuthService/WhoAmI",code="OK"} 2)",
          "cim_server_grpc_requests_in_flight 0",
          "cim_server_db_pool_in_use 0",
          "cim_server_db_pool_waiting 0",
      }) {
    EXPECT_THAT(text, HasSubstr(absl::StrCat(line, "\n"))) << line;
  }
  EXPECT_THAT(text, HasSubstr("# TYPE cim_server_db_pool_size gauge\ncim_server_db_pool_size "));
}

TEST(MetricsEndpointTest, ServesGetMetricsOnly) {
  auto endpoint = MetricsEndpoint::Start("127.0.0.1:0", [] { return std::string("up 1\n"); });
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  const int port = (*endpoint)->port();
  ASSERT_GT(port, 0);
  testing::HttpResult metrics = testing::HttpSend(port, "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.header("content-type"), "text/plain; version=0.0.4");
  EXPECT_EQ(metrics.body, "up 1\n");
  EXPECT_EQ(testing::HttpSend(port, "GET", "/").status, 404);
  EXPECT_EQ(testing::HttpSend(port, "POST", "/metrics", "x").status, 404);
  // Scrapes keep working one after the other.
  EXPECT_EQ(testing::HttpSend(port, "GET", "/metrics").status, 200);

  // IPv6 in brackets.
  auto v6 = MetricsEndpoint::Start("[::1]:0", [] { return std::string(); });
  EXPECT_TRUE(v6.ok()) << v6.status();

  EXPECT_EQ(MetricsEndpoint::Start("localhost", [] { return std::string(); }).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MetricsEndpoint::Start("no-such-host:0", [] { return std::string(); }).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cim
