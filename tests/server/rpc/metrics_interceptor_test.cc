// MetricsInterceptorFactory on a loopback server: every answered call is counted once by its
// full method name and the status code the caller got, with its latency in the histogram; a
// call is in flight from start to answer; a call whose client went away is counted once and
// leaves the in-flight gauge; health watches, open as long as their client likes, are not
// counted at all.
#include "server/rpc/metrics_interceptor.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/server/rpc/probe_server.h"

namespace cim {
namespace {

using ::cim::testing::ProbeServer;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kWhoAmI[] = "/cim.v1.AuthService/WhoAmI";

std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> Counting(
    RequestMetrics& metrics) {
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> out;
  out.push_back(std::make_unique<MetricsInterceptorFactory>(metrics));
  return out;
}

class MetricsInterceptorTest : public ::testing::Test {
 protected:
  std::string Text() const {
    std::string out;
    metrics_.AppendText(out);
    return out;
  }

  // "<name>{method="<method>",code="<code>"} <value>\n"
  static std::string Line(const std::string& name, const std::string& method,
                          const std::string& code, const std::string& value,
                          const std::string& extra = "") {
    return absl::StrCat(name, "{method=\"", method, "\",code=\"", code, "\"", extra, "} ", value,
                        "\n");
  }

  grpc::Status WhoAmI() {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    cim::v1::Principal out;
    return stub_->WhoAmI(&context, cim::v1::WhoAmIRequest(), &out);
  }

  RequestMetrics metrics_{"probe_grpc", {"method", "code"}, "probe calls"};
  ProbeServer server_{Counting(metrics_)};
  std::unique_ptr<cim::v1::AuthService::Stub> stub_ =
      cim::v1::AuthService::NewStub(server_.channel());
};

TEST_F(MetricsInterceptorTest, CountsEachCallByMethodAndCode) {
  ASSERT_TRUE(WhoAmI().ok());
  ASSERT_TRUE(WhoAmI().ok());
  server_.auth.answer = grpc::Status(grpc::StatusCode::NOT_FOUND, "partner 9 not found");
  ASSERT_EQ(WhoAmI().error_code(), grpc::StatusCode::NOT_FOUND);

  const std::string text = Text();
  EXPECT_THAT(text, HasSubstr(Line("probe_grpc_requests_total", kWhoAmI, "OK", "2")));
  EXPECT_THAT(text, HasSubstr(Line("probe_grpc_requests_total", kWhoAmI, "NOT_FOUND", "1")));
  EXPECT_THAT(text,
              HasSubstr(Line("probe_grpc_request_duration_seconds_count", kWhoAmI, "OK", "2")));
  EXPECT_THAT(text, HasSubstr("probe_grpc_requests_in_flight 0\n"));
}

TEST_F(MetricsInterceptorTest, LatencyIsMeasuredFromStartToAnswer) {
  server_.auth.delay = absl::Milliseconds(80);
  ASSERT_TRUE(WhoAmI().ok());
  const std::string text = Text();
  // At least 80 ms: above the 0.05 s bucket, within +Inf.
  EXPECT_THAT(text, HasSubstr(Line("probe_grpc_request_duration_seconds_bucket", kWhoAmI, "OK", "0",
                                   ",le=\"0.05\"")));
  EXPECT_THAT(text, HasSubstr(Line("probe_grpc_request_duration_seconds_bucket", kWhoAmI, "OK", "1",
                                   ",le=\"+Inf\"")));
}

TEST_F(MetricsInterceptorTest, ACallIsInFlightUntilItIsAnswered) {
  absl::Notification release;
  server_.auth.hold = &release;
  std::thread call([&] { EXPECT_TRUE(WhoAmI().ok()); });
  // Wait (with a deadline) until the handler is holding the call.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!absl::StrContains(Text(), "probe_grpc_requests_in_flight 1\n") &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  EXPECT_THAT(Text(), HasSubstr("probe_grpc_requests_in_flight 1\n"));
  EXPECT_THAT(Text(), Not(HasSubstr("probe_grpc_requests_total{")));
  release.Notify();
  call.join();
  EXPECT_THAT(Text(), HasSubstr("probe_grpc_requests_in_flight 0\n"));
  EXPECT_THAT(Text(), HasSubstr(Line("probe_grpc_requests_total", kWhoAmI, "OK", "1")));
}

// The handler notices the client is gone and answers; the call is counted once, with the code
// the handler answered (the interceptor's own CANCELLED is for calls that send no status at all).
TEST_F(MetricsInterceptorTest, ACallWhoseClientWentAwayIsCountedOnce) {
  grpc::ClientContext context;
  auto exports = cim::v1::ExportService::NewStub(server_.channel());
  auto reader = exports->ExportClaims(&context, cim::v1::ExportClaimsRequest());
  cim::v1::FileChunk chunk;
  ASSERT_TRUE(reader->Read(&chunk));
  EXPECT_THAT(Text(), HasSubstr("probe_grpc_requests_in_flight 1\n"));
  context.TryCancel();
  reader->Finish();
  ASSERT_TRUE(server_.exports.done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  const std::string series =
      "probe_grpc_requests_total{method=\"/cim.v1.ExportService/ExportClaims\"";
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!absl::StrContains(Text(), series) && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  const std::string text = Text();
  const size_t first = text.find(series);
  ASSERT_NE(first, std::string::npos);
  EXPECT_THAT(text.substr(first, text.find('\n', first) - first), EndsWith("\"} 1"));
  EXPECT_EQ(text.find(series, first + 1), std::string::npos) << "counted under two codes";
  EXPECT_THAT(text, HasSubstr("probe_grpc_requests_in_flight 0\n"));
}

TEST_F(MetricsInterceptorTest, HealthWatchesAreNotCountedButChecksAre) {
  auto health = grpc::health::v1::Health::NewStub(server_.channel());
  grpc::ClientContext watch_context;
  auto watch = health->Watch(&watch_context, grpc::health::v1::HealthCheckRequest());
  grpc::health::v1::HealthCheckResponse update;
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  grpc::ClientContext check_context;
  ASSERT_TRUE(health->Check(&check_context, grpc::health::v1::HealthCheckRequest(), &update).ok());
  // The open watch is not in flight; the check is counted.
  EXPECT_THAT(Text(), HasSubstr("probe_grpc_requests_in_flight 0\n"));
  EXPECT_THAT(Text(), HasSubstr(Line("probe_grpc_requests_total", "/grpc.health.v1.Health/Check",
                                     "OK", "1")));
  watch_context.TryCancel();
  watch->Finish();
  EXPECT_THAT(Text(), Not(HasSubstr("Health/Watch")));
}

}  // namespace
}  // namespace cim
