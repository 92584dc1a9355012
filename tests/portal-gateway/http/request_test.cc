// HeaderValue: a header's value by case-insensitive name, "" if absent. CookieValue: the value
// of the exactly named cookie across all Cookie headers, "" if absent. IsSafeMethod: GET, HEAD
// and OPTIONS only. NewRequestId: 24 lowercase hex digits, different each time.
#include "portal-gateway/http/request.h"

#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

TEST(HeaderValueTest, FindsAHeaderByNameInAnyCase) {
  HttpRequestHeader request;
  request.set(http::field::authorization, "Bearer cims_abc");
  request.insert("X-CIM-Client", "web");
  request.insert("X-Empty", "");
  EXPECT_EQ(HeaderValue(request, "Authorization"), "Bearer cims_abc");
  EXPECT_EQ(HeaderValue(request, "authorization"), "Bearer cims_abc");
  EXPECT_EQ(HeaderValue(request, "x-cim-client"), "web");
  EXPECT_EQ(HeaderValue(request, "X-Empty"), "");
  EXPECT_EQ(HeaderValue(request, "Origin"), "");
  EXPECT_EQ(HeaderValue(request, ""), "");
}

TEST(CookieValueTest, FindsTheExactlyNamedCookieInEveryCookieHeader) {
  HttpRequestHeader request;
  request.insert(http::field::cookie, "theme=dark;  cim_session_old=stale ; lang=nl");
  request.insert(http::field::cookie, "cim_session=cims_abc=; empty=");
  const struct {
    const char* name;
    const char* value;
  } cases[] = {
      {"theme", "dark"},
      {"lang", "nl"},
      {"cim_session_old", "stale"},
      {"cim_session", "cims_abc="},  // from the second header, '=' in the value kept
      {"empty", ""},
      {"session", ""},  // a suffix of another name
      {"cim", ""},      // a prefix
      {"missing", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CookieValue(request, c.name), c.value);
  }
  EXPECT_EQ(CookieValue(HttpRequestHeader(), "cim_session"), "");
}

TEST(IsSafeMethodTest, OnlyMethodsThatChangeNothing) {
  const struct {
    http::verb verb;
    bool safe;
  } cases[] = {
      {http::verb::get, true},      {http::verb::head, true},     {http::verb::options, true},
      {http::verb::post, false},    {http::verb::put, false},     {http::verb::patch, false},
      {http::verb::delete_, false}, {http::verb::connect, false}, {http::verb::trace, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(http::to_string(c.verb));
    EXPECT_EQ(IsSafeMethod(c.verb), c.safe);
  }
}

TEST(NewRequestIdTest, Is24LowercaseHexDigitsAndNewEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewRequestId();
    ASSERT_EQ(id.size(), 24u) << id;
    for (char c : id) {
      ASSERT_TRUE(absl::ascii_isdigit(c) || (c >= 'a' && c <= 'f')) << id;
    }
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace cim::gateway
