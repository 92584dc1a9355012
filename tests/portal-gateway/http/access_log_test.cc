// Access log lines: one JSON object per line with the time in RFC 3339 (UTC), the path without
// its query, milliseconds, and every client-given text escaped to ASCII byte by byte.
#include "portal-gateway/http/access_log.h"

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

const absl::Time kStart =
    absl::FromCivil(absl::CivilSecond(2026, 12, 7, 9, 30, 5), absl::UTCTimeZone()) +
    absl::Milliseconds(250);

TEST(AccessLogTest, OneJsonLinePerRequest) {
  EXPECT_EQ(AccessLogLine({.start = kStart,
                           .took = absl::Microseconds(12500),
                           .peer = "198.51.100.7",
                           .method = "GET",
                           .target = "/v1/claims?page_token=secret",
                           .status = 200,
                           .request_id = "r-1"}),
            "{\"ts\":\"2026-12-07T09:30:05.25+00:00\",\"peer\":\"198.51.100.7\",\"method\":\"GET\","
            "\"target\":\"/v1/claims\",\"status\":200,\"ms\":12.5,\"request_id\":\"r-1\"}\n");
}

TEST(AccessLogTest, ClientTextCannotBreakTheLine) {
  const std::string line = AccessLogLine({.start = kStart,
                                          .peer = "::1",
                                          .method = "G\"ET",
                                          .target = "/a\nb\x1b[31m\xc3\xa9",
                                          .status = 400,
                                          .request_id = "-"});
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  EXPECT_EQ(line.find('\x1b'), std::string::npos);
  EXPECT_NE(line.find("\"method\":\"G\\\"ET\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"target\":\"/a\\nb\\u001b[31m\\u00c3\\u00a9\""), std::string::npos)
      << line;  // each byte past ASCII on its own: a client's bytes need not be UTF-8
}

}  // namespace
}  // namespace cim::gateway
