// AddSecurityHeaders: every answer forbids sniffing and framing, sends the referrer only as
// the origin across sites, and carries the portal's content security policy, replacing what
// the answer had set before.
#include "portal-gateway/edge/security_headers.h"

#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

TEST(SecurityHeadersTest, SetsTheFourHeadersWithTheirExactValues) {
  http::fields response;
  response.set(http::field::content_type, "application/json");
  AddSecurityHeaders(response);
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(response["Referrer-Policy"], "strict-origin-when-cross-origin");
  EXPECT_EQ(response["X-Frame-Options"], "DENY");
  EXPECT_EQ(response["Content-Security-Policy"],
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
  EXPECT_EQ(response[http::field::content_type], "application/json");  // others untouched
}

TEST(SecurityHeadersTest, ReplacesEarlierValuesInsteadOfAddingSecondOnes) {
  http::fields response;
  response.set("X-Frame-Options", "SAMEORIGIN");
  response.set("Content-Security-Policy", "default-src *");
  AddSecurityHeaders(response);
  AddSecurityHeaders(response);
  EXPECT_EQ(response.count("X-Frame-Options"), 1u);
  EXPECT_EQ(response["X-Frame-Options"], "DENY");
  EXPECT_EQ(response.count("Content-Security-Policy"), 1u);
  EXPECT_EQ(response.count("X-Content-Type-Options"), 1u);
  EXPECT_EQ(response.count("Referrer-Policy"), 1u);
}

}  // namespace
}  // namespace cim::gateway
