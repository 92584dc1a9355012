// The fixture the gateway's HTTP tests share (gateway_test.cc, gateway_streams_test.cc): a real
// cim-server on a database of the test's own, two partners and their users, a web root with an
// index page and one hashed asset, and cim-gateway in front of the server on a real HTTP port;
// helpers to sign in, submit claims and read fields out of JSON answers.
#ifndef CIM_TESTS_PORTAL_GATEWAY_GATEWAY_FIXTURE_H_
#define CIM_TESTS_PORTAL_GATEWAY_GATEWAY_FIXTURE_H_

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http/http_server.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim::gateway {

using Headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr size_t kBodyLimit = 64 * 1024;

// The first value named `key` anywhere in a JSON document (depth first), as text: strings as
// they are, numbers without a fraction as integers; "" if there is none.
inline std::string FindJsonField(const google::protobuf::Value& value, const std::string& key) {
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

inline std::string JsonField(const std::string& json, const std::string& key) {
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

  testing::HttpResult Send(const std::string& method, const std::string& target,
                           const std::string& body = "", const Headers& headers = {}) {
    return testing::HttpSend(http_->port(), method, target, body, headers);
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
    testing::HttpResult r =
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
    testing::HttpResult r =
        Send("POST", "/v1/auth/login",
             absl::StrCat(R"({"email":")", email, R"(","password":")", testing::kTestPassword,
                          R"(","oneTimeCode":")", server_.OneTimeCode(email), R"("})"));
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

}  // namespace cim::gateway

#endif  // CIM_TESTS_PORTAL_GATEWAY_GATEWAY_FIXTURE_H_
