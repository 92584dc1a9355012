// The fixture the ledger and export adapter tests share: a real server with two enrolled
// partners (Alpha, Bravo), their reps and admins, vendor staff, and a SPIF program that pays
// 100 EUR and 5 points per unit of ST-200; claims are submitted and approved through the API.
#ifndef CIM_TESTS_SERVER_RPC_APPROVED_CLAIMS_FIXTURE_H_
#define CIM_TESTS_SERVER_RPC_APPROVED_CLAIMS_FIXTURE_H_

#include <memory>
#include <optional>
#include <string>

#include "cim/v1/claim_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {

class ApprovedClaimsRpcTest : public ::testing::Test {
 protected:
  static constexpr char kSpifProgram[] = R"pb(
    name: "Adapter SPIF"
    currency_code: "EUR"
    budget: "1000000"
    start_date: "2026-01-01"
    end_date: "2026-12-31"
    period: PROGRAM_PERIOD_MONTH
    terms: "Terms"
    rules {
      id: "spif"
      name: "SPIF"
      spif {
        products { sku: "ST-200" amount_per_unit: "100" }
        start_date: "2026-01-01"
        end_date: "2026-12-31"
      }
    }
    rules {
      id: "points"
      name: "Points"
      points { points_per_unit: "5" }
    }
  )pb";

  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems");
    bravo_ = server_.CreatePartner("Bravo IT");
    alpha_rep_user_ =
        server_.CreateUser("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("admin@alpha.example", cim::v1::ROLE_PARTNER_ADMIN, alpha_.id());
    bravo_rep_user_ =
        server_.CreateUser("rep@bravo.example", cim::v1::ROLE_PARTNER_REP, bravo_.id());
    server_.CreateUser("admin@bravo.example", cim::v1::ROLE_PARTNER_ADMIN, bravo_.id());
    admin_user_ = server_.CreateUser("pa@vendor.example", cim::v1::ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", cim::v1::ROLE_CHANNEL_MANAGER);
    finance_user_ = server_.CreateUser("fin@vendor.example", cim::v1::ROLE_FINANCE);
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    finance_ = server_.Login("fin@vendor.example");
    alpha_rep_ = server_.Login("rep@alpha.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    bravo_rep_ = server_.Login("rep@bravo.example");
    bravo_admin_ = server_.Login("admin@bravo.example");
    claims_ = cim::v1::ClaimService::NewStub(server_.channel());
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-200"});
    program_ = world_->ActiveProgram(kSpifProgram);
    ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());
    ASSERT_TRUE(world_->Enroll(bravo_admin_, program_.id()).ok());
  }

  // The claim `rep_token` submits for `units` × ST-200 at 1,000 EUR (invoiced 2026-02-15),
  // approved by the channel manager. Fails the test on error.
  cim::v1::Claim Approved(const std::string& rep_token, const std::string& invoice, int units = 1) {
    cim::v1::SubmitClaimRequest request;
    request.set_idempotency_key("adapter-" + invoice);
    cim::v1::Claim* c = request.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(invoice);
    c->set_invoice_date("2026-02-15");
    c->set_customer_name("Acme BV");
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    cim::v1::ClaimLine* line = c->add_lines();
    line->set_sku("ST-200");
    line->set_quantity(units);
    line->set_unit_price("1000");
    cim::v1::Claim claim;
    grpc::Status status =
        claims_->SubmitClaim(testing::TestServer::Context(rep_token).get(), request, &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    cim::v1::ReviewClaimRequest review;
    review.set_claim_id(claim.id());
    status = claims_->ApproveClaim(testing::TestServer::Context(manager_).get(), review, &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return claim;
  }

  testing::TestServer server_;
  std::optional<testing::TestWorld> world_;  // after server_
  cim::v1::Partner alpha_, bravo_;
  cim::v1::User alpha_rep_user_, bravo_rep_user_, admin_user_, finance_user_;
  std::string admin_, manager_, finance_, alpha_rep_, alpha_admin_, bravo_rep_, bravo_admin_;
  std::unique_ptr<cim::v1::ClaimService::Stub> claims_;
  cim::v1::Program program_;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_RPC_APPROVED_CLAIMS_FIXTURE_H_
