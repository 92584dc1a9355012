// cim-gateway (gateway.cc) over real HTTP against a real cim-server and MariaDB: sign-in by
// token and by cookie with the CSRF guard, transcoded routes and their precise 4xx answers, the
// portal's static files, health, CORS, rate limits, deadlines, the OpenAPI document, metrics,
// trusted proxies, HTTPS and round-robin over replicas.
#include "portal-gateway/gateway.h"

#include <google/protobuf/struct.pb.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/transcode/openapi.h"
#include "tests/portal-gateway/gateway_fixture.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim::gateway {
namespace {

using ::cim::testing::HttpResult;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The shared fixture, named after the file it tests.
class GatewayTest : public GatewayHttpTest {};

TEST_F(GatewayTest, BearerLoginThenAnnotatedGetRoute) {
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

// The browser's Accept-Language reaches the server, which writes to the caller in the best
// language it has (none saved yet); one that cannot travel as metadata is left out.
TEST_F(GatewayTest, AcceptLanguageDecidesTheCallersLanguage) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  EXPECT_THAT(Send("GET", "/v1/auth/me", "",
                   {{"Authorization", bearer}, {"Accept-Language", "nl-BE,nl;q=0.9,en;q=0.5"}})
                  .body,
              HasSubstr(R"("language":"nl")"));
  EXPECT_THAT(Send("GET", "/v1/auth/me", "",
                   {{"Authorization", bearer}, {"Accept-Language", "de-DE,en;q=0.8"}})
                  .body,
              HasSubstr(R"("language":"en")"));
  HttpResult unknown =
      Send("GET", "/v1/auth/me", "", {{"Authorization", bearer}, {"Accept-Language", "fr"}});
  EXPECT_EQ(unknown.status, 200);
  EXPECT_THAT(unknown.body, HasSubstr(R"("language":"")"));
}

// A sign-in through the gateway keeps the browser's address and User-Agent with its session.
TEST_F(GatewayTest, ASessionKnowsTheBrowserAndAddressItWasSignedInFrom) {
  const std::string agent =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
      "Safari/537.36";
  HttpResult login = Send(
      "POST", "/v1/auth/login",
      absl::StrCat(R"({"email":"rep@gamma.example","password":")", testing::kTestPassword, R"("})"),
      {{"Content-Type", "application/json"}, {"User-Agent", agent}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = JsonField(login.body, "token");
  HttpResult sessions =
      Send("GET", "/v1/auth/sessions", "", {{"Authorization", absl::StrCat("Bearer ", token)}});
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  EXPECT_THAT(sessions.body, HasSubstr(absl::StrCat(R"("agent":")", agent, R"(")")));
  EXPECT_THAT(sessions.body, HasSubstr(R"("address":"127.0.0.1)"));
  EXPECT_THAT(sessions.body, HasSubstr(R"("current":true)"));
}

// A mail client's one-click unsubscribe (RFC 8058) posts a form body without credentials: the
// route takes no body, so it reaches the server (which knows no such token here).
TEST_F(GatewayTest, OneClickUnsubscribeNeedsNoSignInAndIgnoresTheFormBody) {
  HttpResult r = Send("POST", "/v1/unsubscribe/cimu_unknown", "List-Unsubscribe=One-Click",
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("unsubscribe link not found"));
}

TEST_F(GatewayTest, NoCredentialsIs401WithJsonError) {
  HttpResult r = Send("GET", "/v1/partners");
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.body, HasSubstr(R"("code":16)"));
  EXPECT_THAT(r.body, HasSubstr(R"("message":"credentials required")"));
  EXPECT_THAT(r.body, HasSubstr(R"("requestId":")"));
}

TEST_F(GatewayTest, CookieSessionWithCsrfGuard) {
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

TEST_F(GatewayTest, PathVariablesQueryParametersAndBodyField) {
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

TEST_F(GatewayTest, BadInputIs4xxWithPreciseMessages) {
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

TEST_F(GatewayTest, OversizedBodyIs413AndMalformedHttpIs400) {
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

TEST_F(GatewayTest, ServesThePortalWithCacheRulesAndSpaFallback) {
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

TEST_F(GatewayTest, HealthAndReadiness) {
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
  HttpResult ready = Send("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
}

TEST_F(GatewayTest, UnavailableBackendIs503) {
  http_.reset();
  gateway_ = StartGateway("127.0.0.1:1");  // nothing listens there
  HttpResult r = Send("GET", "/v1/auth/me", "", {{"Authorization", "Bearer cims_x"}});
  EXPECT_EQ(r.status, 503);
  EXPECT_THAT(r.body, HasSubstr(R"("code":14)"));
  EXPECT_EQ(Send("GET", "/readyz").status, 503);
}

TEST_F(GatewayTest, CorsFollowsTheAllowList) {
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

TEST_F(GatewayTest, SignInAndChangesAreRateLimitedPerClient) {
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

TEST_F(GatewayTest, GrpcTimeoutHeaderSetsTheDeadline) {
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

TEST_F(GatewayTest, OpenApiDocumentDescribesEveryAnnotatedRpc) {
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

TEST_F(GatewayTest, MetricsCountRequestsByRouteAndStatus) {
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

TEST_F(GatewayTest, BehindATrustedProxyEachForwardedClientHasItsOwnLimit) {
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

TEST_F(GatewayTest, ServesHttpsWithTheGivenCertificate) {
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

// Two replicas behind one gateway (--backend a list): calls are spread over both, and once one
// is gone every read still succeeds on the other.
TEST_F(GatewayTest, CallsGoRoundRobinAndAvoidAReplicaThatIsDown) {
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

}  // namespace
}  // namespace cim::gateway
