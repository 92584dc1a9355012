// cim-gateway over real HTTP against a real cim-server and MariaDB.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sha256.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/transcode/openapi.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim::gateway {
namespace {

using ::cim::testing::HttpResult;
using ::cim::testing::HttpSend;
using ::cim::testing::SseClient;
using ::cim::testing::SseEvent;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kBodyLimit = 64 * 1024;

// The first value named `key` anywhere in a JSON document (depth first), as text: strings as
// they are, numbers without a fraction as integers; "" if there is none.
std::string FindJsonField(const google::protobuf::Value& value, const std::string& key) {
  if (value.has_struct_value()) {
    for (const auto& [name, field] : value.struct_value().fields()) {
      if (name == key) {
        if (field.has_string_value()) return field.string_value();
        if (field.has_number_value())
          return absl::StrCat(static_cast<int64_t>(field.number_value()));
        if (field.has_bool_value()) return field.bool_value() ? "true" : "false";
      }
    }
    for (const auto& [name, field] : value.struct_value().fields()) {
      if (std::string found = FindJsonField(field, key); !found.empty()) return found;
    }
  } else if (value.has_list_value()) {
    for (const auto& item : value.list_value().values()) {
      if (std::string found = FindJsonField(item, key); !found.empty()) return found;
    }
  }
  return "";
}

std::string JsonField(const std::string& json, const std::string& key) {
  google::protobuf::Value value;
  if (!google::protobuf::util::JsonStringToMessage(json, &value).ok()) return "";
  return FindJsonField(value, key);
}

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

  // Starts a gateway in front of `backend`, with `customize` applied to its options.
  std::unique_ptr<Gateway> StartGateway(
      const std::string& backend, const std::function<void(GatewayOptions&)>& customize = nullptr) {
    GatewayOptions options;
    options.backend = backend;
    options.descriptor_set = CIM_DESCRIPTOR_SET;
    options.web_root = web_root_.string();
    options.default_deadline = absl::Seconds(5);
    if (customize) customize(options);
    auto gateway = Gateway::Create(options);
    EXPECT_TRUE(gateway.ok()) << gateway.status();
    if (!gateway.ok()) return nullptr;
    HttpServerOptions http;
    http.port = 0;
    http.threads = 2;
    http.max_body_bytes = kBodyLimit;
    http.access_log = false;
    http.add_headers = AddSecurityHeaders;
    Gateway* g = gateway->get();
    auto server = HttpServer::Start(
        http,
        [g](HttpRequest r, const std::string& peer, Responder respond) {
          g->Handle(std::move(r), peer, std::move(respond));
        },
        [g](const HttpRequestHeader& r, const std::string& peer) {
          return g->RouteStream(r, peer);
        });
    EXPECT_TRUE(server.ok()) << server.status();
    http_ = *std::move(server);
    return *std::move(gateway);
  }

  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = "", const Headers& headers = {}) {
    return HttpSend(http_->port(), method, target, body, headers);
  }

  // Replaces the gateway with one whose options `customize` changes.
  void RestartGateway(const std::function<void(GatewayOptions&)>& customize) {
    http_.reset();
    gateway_ = StartGateway(server_.address(), customize);
    ASSERT_NE(gateway_, nullptr);
  }

  // An active program with product ST-100 that Gamma is enrolled in; its id.
  int64_t ProgramForClaims() {
    server_.CreateUser("pa@vendor.example", cim::v1::ROLE_PROGRAM_ADMIN);
    server_.CreateUser("admin@gamma.example", cim::v1::ROLE_PARTNER_ADMIN, partner_.id());
    auto programs = cim::v1::ProgramService::NewStub(server_.channel());
    const std::string admin = server_.Login("pa@vendor.example");
    cim::v1::ImportProductsRequest import;
    cim::v1::Product* product = import.add_products();
    product->set_sku("ST-100");
    product->set_name("Storage");
    product->set_currency_code("EUR");
    product->set_list_price("1000");
    product->set_unit_cost("600");
    cim::v1::ImportProductsResponse imported;
    EXPECT_TRUE(
        programs->ImportProducts(testing::TestServer::Context(admin).get(), import, &imported)
            .ok());
    cim::v1::CreateProgramRequest create;
    EXPECT_TRUE(
        google::protobuf::TextFormat::ParseFromString(R"pb(
                                                        program {
                                                          name: "Rebate"
                                                          currency_code: "EUR"
                                                          budget: "100000"
                                                          start_date: "2026-01-01"
                                                          end_date: "2026-12-31"
                                                          period: PROGRAM_PERIOD_QUARTER
                                                          terms: "Terms"
                                                          rules {
                                                            id: "r"
                                                            name: "Rebate"
                                                            rebate {
                                                              mode: REBATE_MODE_MARGINAL
                                                              tiers { min_volume: "0" percent: "2" }
                                                            }
                                                          }
                                                        })pb",
                                                      &create));
    cim::v1::Program program;
    grpc::Status created =
        programs->CreateProgram(testing::TestServer::Context(admin).get(), create, &program);
    EXPECT_TRUE(created.ok()) << created.error_message();
    cim::v1::ChangeProgramStatusRequest activate;
    activate.set_program_id(program.id());
    EXPECT_TRUE(
        programs->ActivateProgram(testing::TestServer::Context(admin).get(), activate, &program)
            .ok());
    cim::v1::EnrollPartnerRequest enroll;
    enroll.set_program_id(program.id());
    enroll.set_accepted_terms_version(1);
    cim::v1::Enrollment enrollment;
    EXPECT_TRUE(programs
                    ->EnrollPartner(
                        testing::TestServer::Context(server_.Login("admin@gamma.example")).get(),
                        enroll, &enrollment)
                    .ok());
    return program.id();
  }

  // Submits a claim over HTTP; its id.
  int64_t SubmitClaim(const std::string& bearer, int64_t program_id, const std::string& invoice) {
    HttpResult r =
        Send("POST", "/v1/claims",
             absl::StrCat(
                 R"({"idempotencyKey":"key-)", invoice, R"(","claim":{"programId":")", program_id,
                 R"(","invoiceNumber":")", invoice,
                 R"(","invoiceDate":"2026-02-10","customerName":"Acme","customerCountry":"NL",)",
                 R"("currencyCode":"EUR","lines":[{"sku":"ST-100","quantity":"2",)",
                 R"("unitPrice":"1000"}]}})"),
             {{"Authorization", bearer}});
    EXPECT_EQ(r.status, 200) << r.body;
    return std::atoll(JsonField(r.body, "id").c_str());
  }

  std::string BearerLogin(const std::string& email) {
    HttpResult r = Send(
        "POST", "/v1/auth/login",
        absl::StrCat(R"({"email":")", email, R"(","password":")", testing::kTestPassword, R"("})"));
    EXPECT_EQ(r.status, 200) << r.body;
    const size_t at = r.body.find("cims_");
    return at == std::string::npos ? "" : r.body.substr(at, 48);
  }

  // Starts two more servers on the test's database and replaces the gateway with one over
  // both (--backend a list of two).
  void GatewayOverTwoReplicas(std::unique_ptr<ServerApp>& a, std::unique_ptr<ServerApp>& b) {
    a = server_.StartReplica();
    b = server_.StartReplica();
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    http_.reset();
    gateway_ = StartGateway(absl::StrCat("127.0.0.1:", a->port(), ",127.0.0.1:", b->port()));
    ASSERT_NE(gateway_, nullptr);
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
      {"singular query parameter given twice",
       "GET",
       "/v1/partners?tier=gold&tier=silver",
       "",
       {{"Authorization", cm}},
       400,
       "is given more than once; it takes one value"},
      {"health endpoint written to", "POST", "/healthz", "", {}, 405, "use GET or HEAD"},
      {"readiness endpoint deleted", "DELETE", "/readyz", "", {}, 405, "use GET or HEAD"},
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
  EXPECT_EQ(Send("PUT", "/healthz").header("allow"), "GET, HEAD");
  // An API path answers 405 naming the methods it takes.
  EXPECT_EQ(Send("DELETE", "/v1/auth/me").header("allow"), "GET");
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

TEST_F(GatewayHttpTest, CorsFollowsTheAllowList) {
  RestartGateway([](GatewayOptions& o) { o.cors_origins = {"https://partners.example"}; });
  const Headers preflight = {{"Origin", "https://partners.example"},
                             {"Access-Control-Request-Method", "POST"},
                             {"Access-Control-Request-Headers", "content-type,x-cim-client"}};
  HttpResult allowed = Send("OPTIONS", "/v1/auth/login", "", preflight);
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://partners.example");
  EXPECT_EQ(allowed.header("access-control-allow-credentials"), "true");
  EXPECT_THAT(allowed.header("access-control-allow-methods"), HasSubstr("PATCH"));
  EXPECT_THAT(allowed.header("access-control-allow-headers"), HasSubstr("X-CIM-Client"));
  EXPECT_EQ(allowed.header("access-control-max-age"), "600");
  EXPECT_EQ(allowed.header("vary"), "Origin");

  HttpResult refused =
      Send("OPTIONS", "/v1/auth/login", "",
           {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("origin https://evil.example may not call this API"));
  EXPECT_EQ(refused.header("access-control-allow-origin"), "");

  // Actual requests: only an allowed origin may read the answer.
  const std::string token = BearerLogin("rep@gamma.example");
  HttpResult mine =
      Send("GET", "/v1/auth/me", "",
           {{"Authorization", "Bearer " + token}, {"Origin", "https://partners.example"}});
  EXPECT_EQ(mine.status, 200);
  EXPECT_EQ(mine.header("access-control-allow-origin"), "https://partners.example");
  EXPECT_EQ(mine.header("access-control-expose-headers"), "Retry-After, X-Request-Id");
  HttpResult theirs =
      Send("GET", "/v1/auth/me", "",
           {{"Authorization", "Bearer " + token}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.header("access-control-allow-origin"), "");
  EXPECT_EQ(theirs.header("access-control-allow-credentials"), "");
}

TEST_F(GatewayHttpTest, SignInAndChangesAreRateLimitedPerClient) {
  RestartGateway([](GatewayOptions& o) {
    o.login_limit = {.per_second = 1.0 / 60, .burst = 2};
    o.write_limit = {.per_second = 0.5, .burst = 3};
  });
  const std::string token = BearerLogin("rep@gamma.example");
  BearerLogin("cm@vendor.example");
  HttpResult third = Send("POST", "/v1/auth/login",
                          absl::StrCat(R"({"email":"rep@gamma.example","password":")",
                                       testing::kTestPassword, R"("})"));
  EXPECT_EQ(third.status, 429);
  EXPECT_THAT(third.body, HasSubstr(R"("code":8)"));
  EXPECT_THAT(third.body, HasSubstr("too many sign-in attempts from this client"));
  const int retry_after = std::stoi(third.header("retry-after"));
  EXPECT_GE(retry_after, 55);
  EXPECT_LE(retry_after, 60);

  // Reads are not limited; changes are, separately from sign-ins.
  const Headers auth = {{"Authorization", "Bearer " + token}};
  for (int i = 0; i < 10; ++i) ASSERT_EQ(Send("GET", "/v1/auth/me", "", auth).status, 200);
  // Three changes pass the gateway (the server refuses them: nobody is signed in with that
  // token); the fourth does not reach the server.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(
        Send("POST", "/v1/auth/logout", "{}", {{"Authorization", "Bearer cims_unknown"}}).status,
        401)
        << i;
  }
  HttpResult fourth = Send("POST", "/v1/auth/logout", "{}", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(fourth.status, 429);
  // A token comes back every 2 s; some of that may have passed since the first change.
  const std::string wait = fourth.header("retry-after");
  EXPECT_TRUE(wait == "1" || wait == "2") << wait;
  EXPECT_THAT(fourth.body,
              HasSubstr(absl::StrCat("too many changes from this client; retry in ", wait, " s")));
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", auth).status, 200);  // not signed out
}

TEST_F(GatewayHttpTest, GrpcTimeoutHeaderSetsTheDeadline) {
  const Headers auth = {{"Authorization", "Bearer " + BearerLogin("rep@gamma.example")}};
  Headers generous = auth;
  generous.emplace_back("Grpc-Timeout", "5S");
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", generous).status, 200);

  Headers hopeless = auth;
  hopeless.emplace_back("Grpc-Timeout", "1n");
  HttpResult late = Send("GET", "/v1/auth/me", "", hopeless);
  EXPECT_EQ(late.status, 504);
  EXPECT_THAT(late.body, HasSubstr(R"("code":4)"));
  EXPECT_THAT(late.body, HasSubstr("deadline passed before the call"));

  Headers malformed = auth;
  malformed.emplace_back("Grpc-Timeout", "soon");
  HttpResult bad = Send("GET", "/v1/auth/me", "", malformed);
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("Grpc-Timeout header 'soon': expected 1 to 8 digits and a unit"));
}

// Every "$ref" in `value`, recursively.
void CollectRefs(const google::protobuf::Value& value, std::set<std::string>& refs) {
  if (value.has_struct_value()) {
    for (const auto& [key, inner] : value.struct_value().fields()) {
      if (key == "$ref") refs.insert(inner.string_value());
      CollectRefs(inner, refs);
    }
  } else if (value.has_list_value()) {
    for (const auto& inner : value.list_value().values()) CollectRefs(inner, refs);
  }
}

TEST_F(GatewayHttpTest, OpenApiDocumentDescribesEveryAnnotatedRpc) {
  HttpResult r = Send("GET", "/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  google::protobuf::Struct doc;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &doc).ok()) << r.body;
  const auto& top = doc.fields();
  EXPECT_EQ(top.at("openapi").string_value(), "3.0.3");
  const auto& paths = top.at("paths").struct_value().fields();
  const auto& schemas =
      top.at("components").struct_value().fields().at("schemas").struct_value().fields();

  // OpenAPI allows one path per shape: paths may not differ only in their variables' names.
  const auto shape = [](const std::string& path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
      out += path[i];
      if (path[i] == '{') i = path.find('}', i) - 1;
    }
    return out;
  };
  std::map<std::string, std::string> path_of_shape;
  for (const auto& [path, item] : paths) {
    EXPECT_TRUE(path_of_shape.emplace(shape(path), path).second) << path;
  }

  std::set<std::string> operation_ids;
  size_t operations = 0;
  for (const Route& route : gateway_->routes().routes()) {
    const std::string path = path_of_shape[shape(OpenApiPath(route.path.text()))];
    ASSERT_TRUE(paths.contains(path)) << route.path.text();
    const auto& methods = paths.at(path).struct_value().fields();
    const std::string method = absl::AsciiStrToLower(route.http_method);
    ASSERT_TRUE(methods.contains(method)) << method << " " << path;
    const auto& operation = methods.at(method).struct_value().fields();
    EXPECT_THAT(operation.at("operationId").string_value(),
                ::testing::StartsWith(
                    absl::StrCat(route.method->service()->name(), "_", route.method->name())));
    EXPECT_TRUE(operation_ids.insert(operation.at("operationId").string_value()).second);
    EXPECT_TRUE(operation.at("responses").struct_value().fields().contains("200")) << path;
    ++operations;
  }
  EXPECT_GT(operations, 40u);

  std::set<std::string> refs;
  CollectRefs(top.at("paths"), refs);
  CollectRefs(top.at("components"), refs);
  for (const std::string& ref : refs) {
    ASSERT_TRUE(absl::StartsWith(ref, "#/components/schemas/")) << ref;
    EXPECT_TRUE(schemas.contains(ref.substr(strlen("#/components/schemas/")))) << ref;
  }

  // A path variable, a body field and the rest as query parameters, in canonical JSON terms.
  // (The PATCH route names its variable partner.id; the GET route on that path named it first.)
  const auto& update =
      paths.at("/v1/partners/{partner_id}").struct_value().fields().at("patch").struct_value();
  std::string parameters;
  for (const auto& p : update.fields().at("parameters").list_value().values()) {
    const auto& f = p.struct_value().fields();
    absl::StrAppend(&parameters, f.at("name").string_value(), ":", f.at("in").string_value(), " ");
  }
  EXPECT_EQ(parameters, "partner_id:path updateMask:query ");
  EXPECT_EQ(update.fields()
                .at("parameters")
                .list_value()
                .values(0)
                .struct_value()
                .fields()
                .at("description")
                .string_value(),
            "sets partner.id");
  // (Object members come in no particular order: compare structure, not text.)
  const auto at = [](const google::protobuf::Value& v,
                     const std::string& key) -> const google::protobuf::Value& {
    return v.struct_value().fields().at(key);
  };
  EXPECT_EQ(
      at(at(at(at(update.fields().at("requestBody"), "content"), "application/json"), "schema"),
         "$ref")
          .string_value(),
      "#/components/schemas/cim.v1.Partner");
  const google::protobuf::Value& properties = at(schemas.at("cim.v1.Partner"), "properties");
  EXPECT_EQ(at(at(properties, "id"), "type").string_value(), "string");
  EXPECT_EQ(at(at(properties, "id"), "format").string_value(), "int64");
  EXPECT_EQ(at(at(properties, "createTime"), "format").string_value(), "date-time");
  std::vector<std::string> types;
  for (const auto& v : at(at(properties, "type"), "enum").list_value().values()) {
    types.push_back(v.string_value());
  }
  EXPECT_THAT(types, ::testing::Contains("PARTNER_TYPE_RESELLER"));

  // Signing in needs no credentials; everything else takes a bearer token or the cookie.
  const auto& login =
      paths.at("/v1/auth/login").struct_value().fields().at("post").struct_value().fields();
  EXPECT_EQ(login.at("security").list_value().values_size(), 0);
  EXPECT_EQ(top.at("security").list_value().values_size(), 2);

  // Streaming routes: a multipart upload, a file download, Server-Sent Events.
  const google::protobuf::Value& upload =
      at(at(at(paths.at("/v1/attachments"), "post"), "requestBody"), "content");
  const google::protobuf::Value& form = at(at(upload, "multipart/form-data"), "schema");
  EXPECT_EQ(
      at(form.struct_value().fields().at("allOf").list_value().values(0), "$ref").string_value(),
      "#/components/schemas/cim.v1.AttachmentMetadata");
  EXPECT_EQ(at(at(at(form.struct_value().fields().at("allOf").list_value().values(1), "properties"),
                  "file"),
               "format")
                .string_value(),
            "binary");
  const google::protobuf::Value& download =
      at(at(at(paths.at("/v1/attachments/{attachment_id}:download"), "get"), "responses"), "200");
  EXPECT_TRUE(at(download, "content").struct_value().fields().contains("application/octet-stream"));
  const google::protobuf::Value& watch = at(paths.at("/v1/claims:watch"), "get");
  EXPECT_EQ(at(at(at(at(at(watch, "responses"), "200"), "content"), "text/event-stream"),
               "x-event-schema")
                .struct_value()
                .fields()
                .at("$ref")
                .string_value(),
            "#/components/schemas/cim.v1.ClaimEventNotice");
  std::vector<std::string> headers;
  for (const auto& p : at(watch, "parameters").list_value().values()) {
    if (at(p, "in").string_value() == "header") headers.push_back(at(p, "name").string_value());
  }
  EXPECT_THAT(headers, ElementsAre("Last-Event-ID"));
}

TEST_F(GatewayHttpTest, MetricsCountRequestsByRouteAndStatus) {
  const Headers auth = {{"Authorization", "Bearer " + BearerLogin("rep@gamma.example")}};
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", auth).status, 200);
  EXPECT_EQ(Send("GET", "/v1/auth/me", "", auth).status, 200);
  EXPECT_EQ(Send("GET", "/v1/partners").status, 401);
  EXPECT_EQ(Send("GET", "/v1/nothing/here").status, 404);
  EXPECT_EQ(Send("GET", "/healthz").status, 200);

  HttpResult metrics = Send("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.header("content-type"), "text/plain; version=0.0.4");
  for (
      const char* line : {
          R"(cim_gateway_http_requests_total{route="POST /v1/auth/login",code="200"} 1)",
          R"(cim_gateway_http_requests_total{route="GET /v1/auth/me",code="200"} 2)",
          R"(cim_gateway_http_requests_total{route="GET /v1/partners",code="401"} 1)",
          R"(cim_gateway_http_requests_total{route="unmatched",code="404"} 1)",
          R"(cim_gateway_http_requests_total{route="/healthz",code="200"} 1)",
          R"(cim_gateway_http_request_duration_seconds_count{route="GET /v1/auth/me",code="200"} 2)",
          "cim_gateway_http_requests_in_flight 1",  // this scrape
      }) {
    EXPECT_THAT(metrics.body, HasSubstr(absl::StrCat(line, "\n"))) << line;
  }

  // Only the configured addresses may read them, directly (not through a proxy), with GET.
  EXPECT_EQ(Send("GET", "/metrics", "", {{"X-Forwarded-For", "203.0.113.7"}}).status, 404);
  EXPECT_EQ(Send("POST", "/metrics", "{}").status, 404);
  RestartGateway([](GatewayOptions& o) { o.metrics_peers = {"10.0.0.9"}; });
  HttpResult refused = Send("GET", "/metrics", "", {{"Accept", "text/html"}});
  EXPECT_EQ(refused.status, 404);
  EXPECT_THAT(refused.body, HasSubstr("no such page: /metrics"));
}

TEST_F(GatewayHttpTest, BehindATrustedProxyEachForwardedClientHasItsOwnLimit) {
  RestartGateway([](GatewayOptions& o) {
    o.write_limit = {.per_second = 0.1, .burst = 1};
    o.trusted_proxies = {"127.0.0.1"};
  });
  const auto logout = [&](const std::string& forwarded_for) {
    return Send("POST", "/v1/auth/logout", "{}",
                {{"Authorization", "Bearer cims_unknown"}, {"X-Forwarded-For", forwarded_for}})
        .status;
  };
  EXPECT_EQ(logout("198.51.100.1"), 401);  // reached the server
  EXPECT_EQ(logout("198.51.100.1"), 429);
  EXPECT_EQ(logout("198.51.100.2"), 401);  // another client
  // The proxy appends the address it saw: earlier entries are the client's own claims.
  EXPECT_EQ(logout("198.51.100.9, 198.51.100.2"), 429);
  // One IPv6 subscriber (a /64) is one client.
  EXPECT_EQ(logout("2001:db8:1:2::1"), 401);
  EXPECT_EQ(logout("2001:db8:1:2:ffff::7"), 429);
  EXPECT_EQ(logout("2001:db8:1:3::1"), 401);
}

// Runs `command` with a shell and returns what it printed.
std::string Output(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

TEST_F(GatewayHttpTest, ServesHttpsWithTheGivenCertificate) {
  const std::string cert = (web_root_ / "cert.pem").string();
  const std::string key = (web_root_ / "key.pem").string();
  ASSERT_EQ(std::system(absl::StrCat("openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
                                     "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 "
                                     "-keyout ",
                                     key, " -out ", cert, " 2>/dev/null")
                            .c_str()),
            0);
  HttpServerOptions https;
  https.port = 0;
  https.threads = 2;
  https.access_log = false;
  https.tls_certificate_file = cert;
  https.tls_key_file = key;
  Gateway* g = gateway_.get();
  const auto handle = [g](HttpRequest r, const std::string& peer, Responder respond) {
    g->Handle(std::move(r), peer, std::move(respond));
  };
  auto server = HttpServer::Start(https, handle);
  ASSERT_TRUE(server.ok()) << server.status();
  const int port = (*server)->port();

  // curl checks the certificate chain and the name against the certificate just made.
  EXPECT_EQ(Output(absl::StrCat("curl -sS --cacert ", cert, " https://127.0.0.1:", port,
                                "/healthz 2>&1")),
            "ok\n");
  EXPECT_EQ(Output(absl::StrCat("curl -sS --cacert ", cert, " --tls-max 1.1 https://127.0.0.1:",
                                port, "/healthz >/dev/null 2>&1 || echo refused")),
            "refused\n");                                           // TLS 1.0 and 1.1 are off
  EXPECT_EQ(testing::HttpSend(port, "GET", "/healthz").status, 0);  // plain HTTP: no answer

  https.tls_key_file = cert;  // a certificate where the key should be
  EXPECT_EQ(HttpServer::Start(https, handle).status().code(), absl::StatusCode::kInvalidArgument);
}

// A multipart/form-data body with `fields` and one file part.
std::string MultipartBody(const std::string& boundary,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::string& filename, const std::string& content) {
  std::string body;
  for (const auto& [name, value] : fields) {
    absl::StrAppend(&body, "--", boundary, "\r\nContent-Disposition: form-data; name=\"", name,
                    "\"\r\n\r\n", value, "\r\n");
  }
  absl::StrAppend(&body, "--", boundary,
                  "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"", filename,
                  "\"\r\nContent-Type: application/pdf\r\n\r\n", content, "\r\n--", boundary,
                  "--\r\n");
  return body;
}

std::string Pdf(size_t size) {
  std::string bytes = "%PDF-1.7\n";
  bytes.reserve(size);
  for (size_t i = 0; bytes.size() < size; ++i) bytes += static_cast<char>('a' + i % 26);
  return bytes;
}

constexpr char kBoundary[] = "----cimBoundary7MA4YWxkTrZu0gW";
const Headers kMultipart = {{"Content-Type", absl::StrCat("multipart/form-data; boundary=",
                                                          "----cimBoundary7MA4YWxkTrZu0gW")}};

Headers With(Headers headers, const std::string& name, const std::string& value) {
  headers.emplace_back(name, value);
  return headers;
}

TEST_F(GatewayHttpTest, MultipartUploadStreamsANineMegabyteFileAndDownloadsItBack) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const std::string pdf = Pdf(9'000'000);
  HttpResult up =
      Send("POST", "/v1/attachments", MultipartBody(kBoundary, {}, "Invoice März.pdf", pdf),
           With(kMultipart, "Authorization", bearer));
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(JsonField(up.body, "sizeBytes"), "9000000");
  EXPECT_EQ(JsonField(up.body, "contentType"), "application/pdf");
  EXPECT_EQ(JsonField(up.body, "filename"), "Invoice März.pdf");
  EXPECT_EQ(JsonField(up.body, "sha256"), Sha256Hex(pdf));
  EXPECT_EQ(JsonField(up.body, "partnerId"), std::to_string(partner_.id()));
  const std::string id = JsonField(up.body, "id");

  HttpResult down = Send("GET", absl::StrCat("/v1/attachments/", id, ":download"), "",
                         {{"Authorization", bearer}});
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_EQ(down.header("content-type"), "application/pdf");
  EXPECT_EQ(down.header("content-disposition"),
            "attachment; filename=\"Invoice M__rz.pdf\"; filename*=UTF-8''Invoice%20M%C3%A4rz.pdf");
  EXPECT_THAT(down.header("content-security-policy"), HasSubstr("sandbox"));
  EXPECT_EQ(down.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(down.body.size(), pdf.size());
  EXPECT_TRUE(down.body == pdf);

  // Another partner's user does not see it; an unknown id is 404 too.
  server_.CreateUser("rep@delta.example", cim::v1::ROLE_PARTNER_REP, other_.id());
  const std::string other = "Bearer " + BearerLogin("rep@delta.example");
  HttpResult hidden = Send("GET", absl::StrCat("/v1/attachments/", id, ":download"), "",
                           {{"Authorization", other}});
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  EXPECT_EQ(JsonField(hidden.body, "code"), "5");
  EXPECT_EQ(Send("GET", "/v1/attachments/999999:download", "", {{"Authorization", bearer}}).status,
            404);
  EXPECT_EQ(Send("GET", "/v1/attachments/abc:download", "", {{"Authorization", bearer}}).status,
            400);
}

TEST_F(GatewayHttpTest, UploadsPastTheLimitOrMalformedAreRefusedWithPreciseErrors) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const Headers auth = With(kMultipart, "Authorization", bearer);
  // 11 MB: refused from its Content-Length, before the server is called.
  HttpResult big = Send("POST", "/v1/attachments",
                        MultipartBody(kBoundary, {}, "big.pdf", Pdf(11'000'000)), auth);
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(JsonField(big.body, "code"), "8");
  EXPECT_THAT(big.body, HasSubstr("larger than 10551296 bytes"));
  // Within the gateway's limit but over the server's 10 MiB: the server's field error.
  HttpResult over = Send("POST", "/v1/attachments",
                         MultipartBody(kBoundary, {}, "over.pdf", Pdf(10'500'000)), auth);
  EXPECT_EQ(over.status, 400) << over.body;
  EXPECT_THAT(over.body, HasSubstr("larger than 10 MiB"));
  EXPECT_THAT(over.body, HasSubstr("\"field\":\"chunk\""));

  struct Case {
    std::string name, body;
    Headers headers;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"not multipart",
       "{}",
       {{"Authorization", bearer}, {"Content-Type", "application/json"}},
       415,
       "multipart/form-data"},
      {"no boundary",
       "x",
       {{"Authorization", bearer}, {"Content-Type", "multipart/form-data"}},
       415,
       "without a boundary"},
      {"no file part",
       absl::StrCat("--", kBoundary,
                    "\r\nContent-Disposition: form-data; name=\"partner_id\"\r\n\r\n",
                    partner_.id(), "\r\n--", kBoundary, "--\r\n"),
       auth, 400, "no file part"},
      {"unknown form field", MultipartBody(kBoundary, {{"colour", "red"}}, "a.pdf", Pdf(100)), auth,
       400, "colour"},
      {"bad field value", MultipartBody(kBoundary, {{"partner_id", "twelve"}}, "a.pdf", Pdf(100)),
       auth, 400, "partner_id"},
      {"unterminated",
       absl::StrCat("--", kBoundary, "\r\nContent-Disposition: form-data; ",
                    "name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7"),
       auth, 400, "closing boundary"},
      {"not a PDF, PNG or JPEG", MultipartBody(kBoundary, {}, "a.pdf", "plain text"), auth, 400,
       "PDF"},
      {"no credentials", MultipartBody(kBoundary, {}, "a.pdf", Pdf(100)), kMultipart, 401, ""},
      {"cookie without the CSRF header", MultipartBody(kBoundary, {}, "a.pdf", Pdf(100)),
       With(kMultipart, "Cookie", "cim_session=abc"), 403, "X-CIM-Client"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HttpResult r = Send("POST", "/v1/attachments", c.body, c.headers);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_THAT(r.body, HasSubstr(c.message));
    EXPECT_FALSE(JsonField(r.body, "requestId").empty()) << r.body;
  }
  // A partner rep may not upload for another partner.
  HttpResult foreign = Send(
      "POST", "/v1/attachments",
      MultipartBody(kBoundary, {{"partner_id", std::to_string(other_.id())}}, "a.pdf", Pdf(100)),
      auth);
  EXPECT_EQ(foreign.status / 100, 4) << foreign.body;
  EXPECT_NE(foreign.status, 200);
}

TEST_F(GatewayHttpTest, ClaimEventsStreamAsServerSentEventsAndResumeByLastEventId) {
  RestartGateway([](GatewayOptions& o) { o.sse_heartbeat = absl::Milliseconds(300); });
  const int64_t program = ProgramForClaims();
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  const std::string manager = "Bearer " + BearerLogin("cm@vendor.example");
  server_.CreateUser("rep@delta.example", cim::v1::ROLE_PARTNER_REP, other_.id());
  const std::string other = "Bearer " + BearerLogin("rep@delta.example");

  SseClient stream(http_->port(), "/v1/claims:watch", {{"Authorization", rep}});
  ASSERT_EQ(stream.response().status, 200) << stream.response().body;
  EXPECT_EQ(stream.response().header("content-type"), "text/event-stream");
  EXPECT_EQ(stream.response().header("cache-control"), "no-store");
  EXPECT_FALSE(stream.response().header("x-request-id").empty());
  SseClient foreign(http_->port(), "/v1/claims:watch", {{"Authorization", other}});
  ASSERT_EQ(foreign.response().status, 200);

  const int64_t claim = SubmitClaim(rep, program, "INV-SSE-1");
  std::optional<SseEvent> submitted = stream.Next(5000);
  ASSERT_TRUE(submitted.has_value());
  EXPECT_EQ(JsonField(submitted->data, "claimId"), std::to_string(claim));
  EXPECT_EQ(JsonField(submitted->data, "partnerId"), std::to_string(partner_.id()));
  EXPECT_EQ(JsonField(submitted->data, "toStatus"), "CLAIM_STATUS_SUBMITTED");
  EXPECT_EQ(submitted->id, JsonField(submitted->data, "resumeAfter"));
  EXPECT_EQ(submitted->id, JsonField(submitted->data, "eventId"));

  ASSERT_EQ(Send("POST", absl::StrCat("/v1/claims/", claim, ":startReview"), "{}",
                 {{"Authorization", manager}})
                .status,
            200);
  std::optional<SseEvent> reviewing = stream.Next(5000);
  ASSERT_TRUE(reviewing.has_value());
  EXPECT_EQ(JsonField(reviewing->data, "toStatus"), "CLAIM_STATUS_IN_REVIEW");
  EXPECT_GT(std::atoll(reviewing->id.c_str()), std::atoll(submitted->id.c_str()));
  // Heartbeats while nothing happens.
  EXPECT_FALSE(stream.Next(1000).has_value());
  EXPECT_GE(stream.comments(), 2);
  // The other partner saw none of it.
  EXPECT_FALSE(foreign.Next(200).has_value());

  // A reconnecting client resumes after the last event it saw.
  SseClient resumed(http_->port(), "/v1/claims:watch",
                    {{"Authorization", rep}, {"Last-Event-ID", submitted->id}});
  ASSERT_EQ(resumed.response().status, 200);
  std::optional<SseEvent> replayed = resumed.Next(5000);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->id, reviewing->id);
  // The manager sees every partner's claims, and may filter by claim.
  SseClient all(http_->port(), absl::StrCat("/v1/claims:watch?claimId=", claim),
                {{"Authorization", manager}, {"Last-Event-ID", submitted->id}});
  std::optional<SseEvent> first = all.Next(5000);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->id, reviewing->id);

  // Errors the server finds at once keep their HTTP status.
  EXPECT_EQ(SseClient(http_->port(), "/v1/claims:watch").response().status, 401);
  SseClient bad(http_->port(), "/v1/claims:watch",
                {{"Authorization", rep}, {"Last-Event-ID", "x"}});
  EXPECT_EQ(bad.response().status, 400);
  EXPECT_THAT(bad.response().body, HasSubstr("Last-Event-ID"));
  SseClient negative(http_->port(), "/v1/claims:watch?programId=-4", {{"Authorization", rep}});
  EXPECT_EQ(negative.response().status, 400);
  EXPECT_THAT(negative.response().body, HasSubstr("program_id"));
}

// Two replicas behind one gateway (--backend a list): calls are spread over both, and once one
// is gone every read still succeeds on the other.
TEST_F(GatewayHttpTest, CallsGoRoundRobinAndAvoidAReplicaThatIsDown) {
  std::unique_ptr<ServerApp> a, b;
  ASSERT_NO_FATAL_FAILURE(GatewayOverTwoReplicas(a, b));
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(Send("GET", "/v1/auth/me", "", {{"Authorization", rep}}).status, 200);
  }
  EXPECT_THAT(a->MetricsText(), HasSubstr("WhoAmI"));
  EXPECT_THAT(b->MetricsText(), HasSubstr("WhoAmI"));

  a.reset();  // stops at once, as a crashed replica would (in-flight calls cancelled)
  for (int i = 0; i < 20; ++i) {
    HttpResult r = Send("GET", "/v1/auth/me", "", {{"Authorization", rep}});
    EXPECT_EQ(r.status, 200) << "request " << i << ": " << r.body;
  }
  EXPECT_EQ(Send("GET", "/readyz").status, 200);
}

// A stream whose replica dies is resumed through the gateway on another with Last-Event-ID:
// the event ids are the database's, the same on every replica.
TEST_F(GatewayHttpTest, AStreamResumesOnAnotherReplicaAfterItsReplicaDies) {
  const int64_t program = ProgramForClaims();
  std::unique_ptr<ServerApp> a, b;
  ASSERT_NO_FATAL_FAILURE(GatewayOverTwoReplicas(a, b));
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");

  std::optional<SseEvent> first;
  {
    SseClient stream(http_->port(), "/v1/claims:watch", {{"Authorization", rep}});
    ASSERT_EQ(stream.response().status, 200) << stream.response().body;
    SubmitClaim(rep, program, "INV-HA-1");
    first = stream.Next(5000);
    ASSERT_TRUE(first.has_value());
    // Whichever replica served the stream, one of the two dies now; the stream may end.
    a.reset();
  }
  const int64_t second_claim = SubmitClaim(rep, program, "INV-HA-2");
  SseClient resumed(http_->port(), "/v1/claims:watch",
                    {{"Authorization", rep}, {"Last-Event-ID", first->id}});
  ASSERT_EQ(resumed.response().status, 200) << resumed.response().body;
  std::optional<SseEvent> next = resumed.Next(5000);
  ASSERT_TRUE(next.has_value());
  // The event after the last one seen, not the first again.
  EXPECT_EQ(JsonField(next->data, "claimId"), std::to_string(second_claim));
  EXPECT_GT(std::atoll(next->id.c_str()), std::atoll(first->id.c_str()));
}

TEST_F(GatewayHttpTest, RecognitionStreamsAsServerSentEvents) {
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  // The first update comes at once: the rep's standing.
  SseClient progress(http_->port(), "/v1/recognition:watch", {{"Authorization", rep}});
  ASSERT_EQ(progress.response().status, 200) << progress.response().body;
  EXPECT_EQ(progress.response().header("content-type"), "text/event-stream");
  std::optional<SseEvent> first = progress.Next(5000);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(JsonField(first->data, "lifetimePoints"), "0");
  // Bad requests and unknown boards keep their HTTP status; a custom verb is not an id.
  SseClient bad(http_->port(), "/v1/recognition:watch?leaderboardIds=-2", {{"Authorization", rep}});
  EXPECT_EQ(bad.response().status, 400);
  EXPECT_THAT(bad.response().body, HasSubstr("leaderboard_ids[0]"));
  SseClient missing(http_->port(), "/v1/leaderboards/999:watch", {{"Authorization", rep}});
  EXPECT_EQ(missing.response().status, 404) << missing.response().body;
  EXPECT_EQ(SseClient(http_->port(), "/v1/recognition:watch").response().status, 401);
}

TEST_F(GatewayHttpTest, AnUploadCutOffByTheClientStoresNothing) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const Headers auth = With(kMultipart, "Authorization", bearer);
  const auto upload = [&] {
    HttpResult r =
        Send("POST", "/v1/attachments", MultipartBody(kBoundary, {}, "a.pdf", Pdf(1000)), auth);
    EXPECT_EQ(r.status, 200) << r.body;
    return std::atoll(JsonField(r.body, "id").c_str());
  };
  const int64_t before = upload();
  {
    // Half of a 2 MB upload, then the client goes away.
    const std::string body = MultipartBody(kBoundary, {}, "cut.pdf", Pdf(2'000'000));
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect(
        {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(http_->port())});
    const std::string head = absl::StrCat(
        "POST /v1/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: ", bearer,
        "\r\nContent-Type: multipart/form-data; boundary=", kBoundary,
        "\r\nContent-Length: ", body.size(), "\r\n\r\n", body.substr(0, body.size() / 2));
    boost::asio::write(socket, boost::asio::buffer(head));
    absl::SleepFor(absl::Milliseconds(300));  // the gateway has streamed some of it on
  }
  absl::SleepFor(absl::Milliseconds(500));  // the cancellation reaches the server
  // Nothing was stored in between: the next id follows the first.
  EXPECT_EQ(upload(), before + 1);
}

TEST_F(GatewayHttpTest, ExportsDownloadAsCsvAndTheAuditTrailKeepsTheBrowsersAddress) {
  server_.CreateUser("fin@vendor.example", cim::v1::ROLE_FINANCE);
  const std::string finance = "Bearer " + BearerLogin("fin@vendor.example");
  HttpResult ledger = Send("GET", "/v1/ledger-entries:export", "", {{"Authorization", finance}});
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  EXPECT_EQ(ledger.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_THAT(ledger.header("content-disposition"), HasSubstr("ledger-2026-03-02.csv"));
  EXPECT_TRUE(absl::StartsWith(ledger.body, "entry_id,posted_utc,partner_id,")) << ledger.body;
  // Errors before the first byte keep their HTTP status and JSON body.
  HttpResult bad =
      Send("GET", "/v1/claims:export?fromDate=2026-02-30", "", {{"Authorization", finance}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("from_date"));
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  EXPECT_EQ(Send("GET", "/v1/claims:export", "", {{"Authorization", rep}}).status, 403);

  // Every sign-in above went through the gateway: the trail has the browser's address.
  HttpResult records = Send("GET", "/v1/audit-records?rpc=Login", "", {{"Authorization", finance}});
  ASSERT_EQ(records.status, 200) << records.body;
  EXPECT_THAT(JsonField(records.body, "clientAddress"), HasSubstr("127.0.0.1 via "));
  EXPECT_EQ(JsonField(records.body, "entityType"), "access_tokens");
  EXPECT_EQ(Send("GET", "/v1/audit-records", "", {{"Authorization", rep}}).status, 403);
  HttpResult verified =
      Send("POST", "/v1/audit-records:verify", "{}", {{"Authorization", finance}});
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(JsonField(verified.body, "intact"), "true");
}

}  // namespace
}  // namespace cim::gateway
