// The OpenAPI document's pieces: paths written as OpenAPI templates.
#include "portal-gateway/transcode/openapi.h"

#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

TEST(OpenApiPathTest, VariablesKeepOnlyTheirFieldPath) {
  EXPECT_EQ(OpenApiPath("/v1/claims/{claim_id}"), "/v1/claims/{claim_id}");
  EXPECT_EQ(OpenApiPath("/v1/{name=shelves/*/books/**}:read"), "/v1/{name}:read");
  EXPECT_EQ(OpenApiPath("/v1/partners/{partner.id}"), "/v1/partners/{partner.id}");
}

}  // namespace
}  // namespace cim::gateway
