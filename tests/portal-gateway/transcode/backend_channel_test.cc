// How --backend values become gRPC targets for round robin over the replicas.
#include "portal-gateway/transcode/backend_channel.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(BackendTargetTest, Targets) {
  struct Case {
    const char* backend;
    const char* target;
  };
  const Case cases[] = {
      {"127.0.0.1:50051", "dns:///127.0.0.1:50051"},
      {"cim-server.internal:50051", "dns:///cim-server.internal:50051"},
      {" 127.0.0.1:1,127.0.0.1:2 , 127.0.0.1:3", "ipv4:127.0.0.1:1,127.0.0.1:2,127.0.0.1:3"},
      {"[::1]:1,[::1]:2", "ipv6:[::1]:1,[::1]:2"},
      {"dns:///cim.example:443", "dns:///cim.example:443"},
      {"unix:/run/cim.sock", "unix:/run/cim.sock"},
  };
  for (const Case& c : cases)
    EXPECT_THAT(BackendTarget(c.backend), IsOkAndHolds(c.target)) << c.backend;
}

TEST(BackendTargetTest, BadListsAreRefused) {
  struct Case {
    const char* backend;
    const char* error;
  };
  const Case cases[] = {
      {"", "empty"},
      {"127.0.0.1:1,,127.0.0.1:2", "not an IP address"},
      {"a.example:1,b.example:2", "not an IP address"},
      {"127.0.0.1,127.0.0.2", "not an IP address"},
      {"127.0.0.1:1,[::1]:2", "mixes IPv4 and IPv6"},
      {"127.0.0.1:70000,127.0.0.1:2", "not an IP address"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(BackendTarget(c.backend),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.error)))
        << c.backend;
  }
}

TEST(BackendServiceConfigTest, RoundRobinWithHealthChecking) {
  EXPECT_THAT(BackendServiceConfig(), HasSubstr(R"("round_robin")"));
  EXPECT_THAT(BackendServiceConfig(), HasSubstr(R"("healthCheckConfig":{"serviceName":""})"));
}

}  // namespace
}  // namespace cim::gateway
