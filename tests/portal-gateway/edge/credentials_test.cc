// CallAuthorization: the Authorization header wins, else the session cookie becomes "Bearer
// <token>", else nothing; a cookie-authenticated change without X-CIM-Client is refused with
// PERMISSION_DENIED (CSRF). ClientAddress: the peer, unless the peer is a trusted proxy, then
// the last X-Forwarded-For entry (what that proxy appended).
#include "portal-gateway/edge/credentials.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

HttpRequestHeader Request(http::verb method,
                          const std::vector<std::pair<std::string, std::string>>& headers) {
  HttpRequestHeader request;
  request.method(method);
  request.target("/v1/claims");
  request.version(11);
  for (const auto& [name, value] : headers) request.insert(name, value);
  return request;
}

TEST(CallAuthorizationTest, TakesTheHeaderElseTheSessionCookie) {
  struct Case {
    const char* name;
    http::verb method;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string want;
  } cases[] = {
      {"nothing", http::verb::get, {}, ""},
      {"Authorization header",
       http::verb::post,
       {{"Authorization", "Bearer cims_abc"}},
       "Bearer cims_abc"},
      {"header wins over the cookie",
       http::verb::post,
       {{"Authorization", "Bearer cims_header"}, {"Cookie", "cim_session=cims_cookie"}},
       "Bearer cims_header"},
      {"cookie on a read",
       http::verb::get,
       {{"Cookie", "theme=dark; cim_session=cims_c1"}},
       "Bearer cims_c1"},
      {"cookie on HEAD", http::verb::head, {{"Cookie", "cim_session=cims_c2"}}, "Bearer cims_c2"},
      {"cookie on a change with the client header",
       http::verb::delete_,
       {{"Cookie", "cim_session=cims_c3"}, {"X-CIM-Client", "web"}},
       "Bearer cims_c3"},
      {"another cookie only", http::verb::post, {{"Cookie", "cim_sessionx=cims_no"}}, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_THAT(CallAuthorization(Request(c.method, c.headers)), IsOkAndHolds(c.want));
  }
}

TEST(CallAuthorizationTest, CookieChangesWithoutTheClientHeaderAreRefused) {
  for (http::verb method :
       {http::verb::post, http::verb::put, http::verb::patch, http::verb::delete_}) {
    SCOPED_TRACE(http::to_string(method));
    EXPECT_THAT(CallAuthorization(Request(method, {{"Cookie", "cim_session=cims_abc"}})),
                StatusIs(absl::StatusCode::kPermissionDenied,
                         HasSubstr("must send the X-CIM-Client header (CSRF protection)")));
  }
  // An empty header counts as absent.
  EXPECT_THAT(CallAuthorization(Request(
                  http::verb::post, {{"Cookie", "cim_session=cims_abc"}, {"X-CIM-Client", ""}})),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(ClientAddressTest, IsThePeerUnlessThePeerIsATrustedProxy) {
  const std::vector<std::string> proxies = {"10.0.0.2", "10.0.0.3"};
  struct Case {
    const char* name;
    std::string peer;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string want;
  } cases[] = {
      {"direct client", "198.51.100.4", {}, "198.51.100.4"},
      {"direct client claiming another address",
       "198.51.100.4",
       {{"X-Forwarded-For", "203.0.113.9"}},
       "198.51.100.4"},
      {"through a proxy", "10.0.0.2", {{"X-Forwarded-For", "203.0.113.9"}}, "203.0.113.9"},
      {"the entry the proxy appended",
       "10.0.0.3",
       {{"X-Forwarded-For", "192.0.2.1, 203.0.113.9 "}},
       "203.0.113.9"},
      {"IPv6 through a proxy", "10.0.0.2", {{"X-Forwarded-For", "2001:db8::7"}}, "2001:db8::7"},
      {"proxy without the header", "10.0.0.2", {}, "10.0.0.2"},
      {"proxy with an empty last entry",
       "10.0.0.2",
       {{"X-Forwarded-For", "192.0.2.1, "}},
       "10.0.0.2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ClientAddress(Request(http::verb::get, c.headers), c.peer, proxies), c.want);
  }
  EXPECT_EQ(
      ClientAddress(Request(http::verb::get, {{"X-Forwarded-For", "203.0.113.9"}}), "10.0.0.2", {}),
      "10.0.0.2");
}

}  // namespace
}  // namespace cim::gateway
