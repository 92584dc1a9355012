// cim-gateway over real HTTP against a real cim-server and MariaDB.
#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http_server.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim::gateway {
namespace {

using ::cim::testing::HttpResult;
using ::cim::testing::HttpSend;
using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kBodyLimit = 64 * 1024;

class GatewayHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    partner_ = server_.CreatePartner("Gamma Distribution", cim::v1::PARTNER_TYPE_DISTRIBUTOR);
    other_ = server_.CreatePartner("Delta Resellers", cim::v1::PARTNER_TYPE_RESELLER);
    server_.CreateUser("rep@gamma.example", cim::v1::ROLE_PARTNER_REP, partner_.id());
    server_.CreateUser("cm@vendor.example", cim::v1::ROLE_CHANNEL_MANAGER);

    web_root_ = std::filesystem::temp_directory_path() /
                absl::StrCat("cim_web_", ::getpid(), "_",
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(web_root_ / "assets");
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>CIM</title>";
    std::ofstream(web_root_ / "assets" / "app-1a2b3c.js") << "console.log('hi')";

    gateway_ = StartGateway(server_.address());
    ASSERT_NE(gateway_, nullptr);
  }
  void TearDown() override {
    http_.reset();
    std::filesystem::remove_all(web_root_);
  }

  std::unique_ptr<Gateway> StartGateway(const std::string& backend) {
    GatewayOptions options;
    options.backend = backend;
    options.descriptor_set = CIM_DESCRIPTOR_SET;
    options.web_root = web_root_.string();
    options.default_deadline = absl::Seconds(5);
    auto gateway = Gateway::Create(options);
    EXPECT_TRUE(gateway.ok()) << gateway.status();
    if (!gateway.ok()) return nullptr;
    HttpServerOptions http;
    http.port = 0;
    http.threads = 2;
    http.max_body_bytes = kBodyLimit;
    http.access_log = false;
    Gateway* g = gateway->get();
    auto server = HttpServer::Start(
        http, [g](const HttpRequest& r, const std::string& peer) { return g->Handle(r, peer); });
    EXPECT_TRUE(server.ok()) << server.status();
    http_ = *std::move(server);
    return *std::move(gateway);
  }

  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = "", const Headers& headers = {}) {
    return HttpSend(http_->port(), method, target, body, headers);
  }

  std::string BearerLogin(const std::string& email) {
    HttpResult r = Send(
        "POST", "/v1/auth/login",
        absl::StrCat(R"({"email":")", email, R"(","password":")", testing::kTestPassword, R"("})"));
    EXPECT_EQ(r.status, 200) << r.body;
    const size_t at = r.body.find("cims_");
    return at == std::string::npos ? "" : r.body.substr(at, 48);
  }

  testing::TestServer server_;
  cim::v1::Partner partner_, other_;
  std::filesystem::path web_root_;
  std::unique_ptr<Gateway> gateway_;
  std::unique_ptr<HttpServer> http_;
};

TEST_F(GatewayHttpTest, BearerLoginThenAnnotatedGetRoute) {
  const std::string token = BearerLogin("rep@gamma.example");
  ASSERT_EQ(token.size(), 48u);
  HttpResult me = Send("GET", "/v1/auth/me", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.header("content-type"), "application/json");
  EXPECT_THAT(me.body, HasSubstr(R"("email":"rep@gamma.example")"));
  EXPECT_THAT(me.body, HasSubstr(R"("role":"ROLE_PARTNER_REP")"));
  EXPECT_THAT(me.body, HasSubstr(R"("partnerName":"Gamma Distribution")"));
  EXPECT_EQ(me.header("x-request-id").size(), 24u);
  EXPECT_EQ(me.header("x-content-type-options"), "nosniff");
  EXPECT_THAT(me.header("content-security-policy"), HasSubstr("frame-ancestors 'none'"));
  EXPECT_EQ(me.header("cache-control"), "no-store");
}

TEST_F(GatewayHttpTest, NoCredentialsIs401WithJsonError) {
  HttpResult r = Send("GET", "/v1/partners");
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.body, HasSubstr(R"("code":16)"));
  EXPECT_THAT(r.body, HasSubstr(R"("message":"credentials required")"));
  EXPECT_THAT(r.body, HasSubstr(R"("requestId":")"));
}

TEST_F(GatewayHttpTest, CookieSessionWithCsrfGuard) {
  HttpResult login = Send(
      "POST", "/v1/auth/login",
      absl::StrCat(R"({"email":"rep@gamma.example","password":")", testing::kTestPassword, R"("})"),
      {{"X-CIM-Client", "web"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string cookie = login.header("set-cookie");
  EXPECT_THAT(cookie, HasSubstr("cim_session=cims_"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("Path=/"));
  EXPECT_THAT(login.body, Not(HasSubstr("cims_")));  // the token stays out of script's reach
  const std::string session = cookie.substr(0, cookie.find(';'));

  HttpResult me = Send("GET", "/v1/auth/me", "", {{"Cookie", session}});
  EXPECT_EQ(me.status, 200);
  EXPECT_THAT(me.body, HasSubstr("rep@gamma.example"));

  // A state-changing request riding on the cookie without the custom header: refused.
  HttpResult forged = Send("POST", "/v1/auth/logout", "{}", {{"Cookie", session}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_THAT(forged.body, HasSubstr("CSRF"));
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", {{"Cookie", session}}).status, 200);

  HttpResult logout =
      Send("POST", "/v1/auth/logout", "{}", {{"Cookie", session}, {"X-CIM-Client", "web"}});
  EXPECT_EQ(logout.status, 200);
  EXPECT_THAT(logout.header("set-cookie"), HasSubstr("cim_session=; Path=/; Max-Age=0"));
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", {{"Cookie", session}}).status, 401);
}

TEST_F(GatewayHttpTest, PathVariablesQueryParametersAndBodyField) {
  const std::string cm = "Bearer " + BearerLogin("cm@vendor.example");
  HttpResult get =
      Send("GET", absl::StrCat("/v1/partners/", partner_.id()), "", {{"Authorization", cm}});
  EXPECT_EQ(get.status, 200);
  EXPECT_THAT(get.body, HasSubstr(R"("name":"Gamma Distribution")"));

  HttpResult filtered = Send("GET", "/v1/partners?type=PARTNER_TYPE_RESELLER&pageSize=5", "",
                             {{"Authorization", cm}});
  EXPECT_EQ(filtered.status, 200);
  EXPECT_THAT(filtered.body, HasSubstr("Delta Resellers"));
  EXPECT_THAT(filtered.body, Not(HasSubstr("Gamma Distribution")));

  HttpResult by_number =
      Send("GET", "/v1/partners?type=1&name_contains=amm", "", {{"Authorization", cm}});
  EXPECT_EQ(by_number.status, 200);
  EXPECT_THAT(by_number.body, HasSubstr("Gamma Distribution"));

  // PATCH: {partner.id} from the path, body "partner", update_mask (a FieldMask) from the query.
  HttpResult patch =
      Send("PATCH", absl::StrCat("/v1/partners/", other_.id(), "?updateMask=tier,region"),
           R"({"tier":"gold","region":"NA-US"})", {{"Authorization", cm}});
  EXPECT_EQ(patch.status, 200) << patch.body;
  EXPECT_THAT(patch.body, HasSubstr(R"("tier":"gold")"));
  EXPECT_THAT(patch.body, HasSubstr(R"("region":"NA-US")"));
  EXPECT_THAT(patch.body, HasSubstr(absl::StrCat(R"("id":")", other_.id(), R"(")")));
}

TEST_F(GatewayHttpTest, BadInputIs4xxWithPreciseMessages) {
  const std::string cm = "Bearer " + BearerLogin("cm@vendor.example");
  struct Case {
    const char* name;
    std::string method, target, body;
    Headers headers;
    int want_status;
    const char* want_text;
  } cases[] = {
      {"malformed JSON",
       "POST",
       "/v1/partners",
       R"({"name": )",
       {{"Authorization", cm}},
       400,
       "invalid JSON body"},
      {"wrong type",
       "POST",
       "/v1/auth/login",
       R"({"email": 5, "password": "x"})",
       {},
       400,
       "invalid JSON body"},
      {"unknown JSON field",
       "POST",
       "/v1/auth/login",
       R"({"emial":"a@b.c","password":"x"})",
       {},
       400,
       "emial"},
      {"unknown query parameter",
       "GET",
       "/v1/partners?pageSiz=3",
       "",
       {{"Authorization", cm}},
       400,
       "unknown field \\\"pageSiz\\\""},
      {"bad enum",
       "GET",
       "/v1/partners?type=PARTNER_TYPE_SPACESHIP",
       "",
       {{"Authorization", cm}},
       400,
       "PartnerType"},
      {"bad integer",
       "GET",
       "/v1/partners?pageSize=lots",
       "",
       {{"Authorization", cm}},
       400,
       "must be a 32-bit integer"},
      {"bad path variable",
       "GET",
       "/v1/partners/abc",
       "",
       {{"Authorization", cm}},
       400,
       "bad path"},
      {"query with whole-body route",
       "POST",
       "/v1/auth/login?email=x",
       R"({})",
       {},
       400,
       "query parameters are not accepted"},
      {"not JSON",
       "POST",
       "/v1/auth/login",
       "email=a",
       {{"Content-Type", "application/x-www-form-urlencoded"}},
       415,
       "must be JSON"},
      {"query overriding a path variable",
       "GET",
       absl::StrCat("/v1/partners/", partner_.id(), "?partnerId=", other_.id()),
       "",
       {{"Authorization", cm}},
       400,
       "already set by the path"},
      {"query overriding the body",
       "PATCH",
       absl::StrCat("/v1/partners/", other_.id(), "?partner.tier=x"),
       R"({"tier":"gold"})",
       {{"Authorization", cm}},
       400,
       "already set by the path or body"},
      {"unknown route", "GET", "/v1/nope", "", {}, 404, "no API route"},
      {"wrong method", "DELETE", "/v1/auth/me", "", {}, 405, "not allowed"},
      {"field violations",
       "POST",
       "/v1/partners",
       R"({"name":"","tier":"Gold Star"})",
       {{"Authorization", cm}},
       400,
       R"("fieldViolations":[{"field":"partner.name")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HttpResult r = Send(c.method, c.target, c.body, c.headers);
    EXPECT_EQ(r.status, c.want_status) << r.body;
    EXPECT_THAT(r.body, HasSubstr(c.want_text));
    EXPECT_EQ(r.header("content-type"), "application/json");
  }
}

TEST_F(GatewayHttpTest, OversizedBodyIs413AndMalformedHttpIs400) {
  HttpResult big = Send("POST", "/v1/auth/login", std::string(kBodyLimit + 1, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_THAT(big.body, HasSubstr("request body larger than"));
  const std::string raw = testing::HttpSendRaw(http_->port(), "GARBAGE\r\n\r\n");
  EXPECT_THAT(raw, HasSubstr("HTTP/1.1 400"));
  // The server still answers afterwards.
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
}

TEST_F(GatewayHttpTest, ServesThePortalWithCacheRulesAndSpaFallback) {
  HttpResult index = Send("GET", "/", "", {{"Accept", "text/html"}});
  EXPECT_EQ(index.status, 200);
  EXPECT_THAT(index.body, HasSubstr("<title>CIM</title>"));
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_THAT(index.header("content-type"), HasSubstr("text/html"));

  HttpResult asset = Send("GET", "/assets/app-1a2b3c.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_THAT(asset.header("content-type"), HasSubstr("text/javascript"));

  HttpResult deep_link = Send("GET", "/claims/42", "", {{"Accept", "text/html"}});
  EXPECT_EQ(deep_link.status, 200);
  EXPECT_THAT(deep_link.body, HasSubstr("<title>CIM</title>"));

  EXPECT_EQ(Send("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(Send("GET", "/../../etc/passwd", "", {{"Accept", "text/html"}}).status, 404);
  EXPECT_EQ(Send("GET", "/%2e%2e/%2e%2e/etc/passwd").status, 404);
}

TEST_F(GatewayHttpTest, HealthAndReadiness) {
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
  HttpResult ready = Send("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
}

TEST_F(GatewayHttpTest, UnavailableBackendIs503) {
  http_.reset();
  gateway_ = StartGateway("127.0.0.1:1");  // nothing listens there
  HttpResult r = Send("GET", "/v1/auth/me", "", {{"Authorization", "Bearer cims_x"}});
  EXPECT_EQ(r.status, 503);
  EXPECT_THAT(r.body, HasSubstr(R"("code":14)"));
  EXPECT_EQ(Send("GET", "/readyz").status, 503);
}

}  // namespace
}  // namespace cim::gateway
