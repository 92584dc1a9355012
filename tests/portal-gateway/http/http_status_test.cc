// HTTP statuses and errors: Grpc-Timeout values in gRPC's own format, anything else refused.
#include "portal-gateway/http/http_status.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

TEST(GrpcTimeoutTest, ParsesGrpcsFormat) {
  const std::vector<std::pair<std::string, absl::StatusOr<absl::Duration>>> cases = {
      {"5S", absl::Seconds(5)},
      {"2H", absl::Hours(2)},
      {"3M", absl::Minutes(3)},
      {"250m", absl::Milliseconds(250)},
      {"10u", absl::Microseconds(10)},
      {"99999999n", absl::Nanoseconds(99999999)},
      {"", absl::InvalidArgumentError("")},
      {"S", absl::InvalidArgumentError("")},
      {"5", absl::InvalidArgumentError("")},
      {"5s", absl::InvalidArgumentError("")},
      {"-5S", absl::InvalidArgumentError("")},
      {"123456789S", absl::InvalidArgumentError("")},
      {" 5S", absl::InvalidArgumentError("")},
  };
  for (const auto& [text, want] : cases) {
    absl::StatusOr<absl::Duration> got = ParseGrpcTimeout(text);
    EXPECT_EQ(got.ok(), want.ok()) << text;
    if (got.ok() && want.ok()) {
      EXPECT_EQ(*got, *want) << text;
    } else if (!got.ok()) {
      EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument) << text;
    }
  }
}

}  // namespace
}  // namespace cim::gateway
