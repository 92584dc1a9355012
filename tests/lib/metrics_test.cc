#include "lib/metrics.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::HasSubstr;

TEST(RequestMetricsTest, CountsAndCumulativeBucketsPerLabelSet) {
  RequestMetrics m("cim_test_http", {"route", "code"}, "HTTP requests");
  for (int i = 0; i < 3; ++i) m.Start();
  m.Finish({"GET /v1/x", "200"}, absl::Microseconds(300));  // first bucket (0.5 ms)
  m.Finish({"GET /v1/x", "200"}, absl::Milliseconds(20));   // 25 ms bucket
  m.Start();
  m.Finish({"GET /v1/x", "404"}, absl::Seconds(30));  // beyond the last bucket: +Inf only

  std::string text;
  m.AppendText(text);
  EXPECT_THAT(text, HasSubstr("# TYPE cim_test_http_requests_total counter\n"));
  EXPECT_THAT(text,
              HasSubstr("cim_test_http_requests_total{route=\"GET /v1/x\",code=\"200\"} 2\n"));
  EXPECT_THAT(text,
              HasSubstr("cim_test_http_requests_total{route=\"GET /v1/x\",code=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE cim_test_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_bucket{route=\"GET "
                              "/v1/x\",code=\"200\",le=\"0.0005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_bucket{route=\"GET "
                              "/v1/x\",code=\"200\",le=\"0.01\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_bucket{route=\"GET "
                              "/v1/x\",code=\"200\",le=\"0.025\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_bucket{route=\"GET "
                              "/v1/x\",code=\"404\",le=\"10\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_bucket{route=\"GET "
                              "/v1/x\",code=\"404\",le=\"+Inf\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_sum{route=\"GET "
                              "/v1/x\",code=\"200\"} 0.020300\n"));
  EXPECT_THAT(text, HasSubstr("cim_test_http_request_duration_seconds_count{route=\"GET "
                              "/v1/x\",code=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE cim_test_http_requests_in_flight gauge\n"
                              "cim_test_http_requests_in_flight 1\n"));
}

TEST(RequestMetricsTest, LabelValuesAreEscaped) {
  EXPECT_EQ(EscapeLabelValue(R"(a"b\c)"), R"(a\"b\\c)");
  EXPECT_EQ(EscapeLabelValue("line\nbreak"), "line\\nbreak");
}

}  // namespace
}  // namespace cim
