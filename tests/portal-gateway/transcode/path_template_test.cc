#include "portal-gateway/transcode/path_template.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using Bindings = std::vector<std::pair<std::string, std::string>>;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(PathTemplateTest, Matches) {
  struct Case {
    const char* name;
    const char* tmpl;
    const char* path;
    std::optional<Bindings> want;
  } cases[] = {
      {"literal", "/v1/auth/me", "/v1/auth/me", Bindings{}},
      {"literal mismatch", "/v1/auth/me", "/v1/auth/you", std::nullopt},
      {"trailing segment", "/v1/auth/me", "/v1/auth/me/x", std::nullopt},
      {"variable", "/v1/partners/{partner_id}", "/v1/partners/42", Bindings{{"partner_id", "42"}}},
      {"nested field", "/v1/partners/{partner.id}", "/v1/partners/7",
       Bindings{{"partner.id", "7"}}},
      {"percent decoded", "/v1/users/{name}", "/v1/users/a%20b%2Fc", Bindings{{"name", "a b/c"}}},
      {"empty variable refused", "/v1/partners/{partner_id}", "/v1/partners/", std::nullopt},
      {"resource pattern", "/v1/{name=shelves/*/books/*}", "/v1/shelves/s1/books/b2",
       Bindings{{"name", "shelves/s1/books/b2"}}},
      {"resource pattern mismatch", "/v1/{name=shelves/*/books/*}", "/v1/shelves/s1/cds/b2",
       std::nullopt},
      {"deep wildcard", "/v1/files/{path=**}", "/v1/files/a/b/c.txt",
       Bindings{{"path", "a/b/c.txt"}}},
      {"deep wildcard keeps %2F", "/v1/files/{path=**}", "/v1/files/a%2Fb/c",
       Bindings{{"path", "a%2Fb/c"}}},
      {"custom verb", "/v1/claims/{id}:approve", "/v1/claims/9:approve", Bindings{{"id", "9"}}},
      {"custom verb missing", "/v1/claims/{id}:approve", "/v1/claims/9", std::nullopt},
      {"wrong custom verb", "/v1/claims/{id}:approve", "/v1/claims/9:reject", std::nullopt},
      {"two variables", "/v1/programs/{program_id}/partners/{partner_id}",
       "/v1/programs/3/partners/4", Bindings{{"program_id", "3"}, {"partner_id", "4"}}},
      {"bad escape", "/v1/users/{name}", "/v1/users/%zz", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto t = PathTemplate::Parse(c.tmpl);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->Match(c.path), c.want);
  }
}

TEST(PathTemplateTest, RejectsMalformedTemplates) {
  const char* bad[] = {"v1/no/slash", "/v1/{unclosed", "/v1/{1bad}",  "/v1/{a}/{a}",
                       "/v1/**/tail", "/v1/{a}x",      "/v1//double", "/v1/x:"};
  for (const char* t : bad) {
    SCOPED_TRACE(t);
    EXPECT_THAT(PathTemplate::Parse(t),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bad path template")));
  }
}

TEST(PathTemplateTest, ShapeIgnoresVariableNames) {
  EXPECT_EQ(PathTemplate::Parse("/v1/partners/{partner_id}")->shape(),
            PathTemplate::Parse("/v1/partners/{id}")->shape());
  EXPECT_NE(PathTemplate::Parse("/v1/partners/{id}")->shape(),
            PathTemplate::Parse("/v1/users/{id}")->shape());
}

}  // namespace
}  // namespace cim::gateway
