// ProgramService (catalog, programs, rules versions, lifecycle, eligibility, enrollment) through
// a real gRPC channel against a real server and MariaDB.
#include <google/protobuf/text_format.h>

#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kProgram[] = R"pb(
  name: "Storage Rebate 2026"
  description: "Quarterly rebate on the storage line"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms v1"
  eligible_skus: [ "ST-100", "ST-200" ]
  eligibility { partner_types: [ PARTNER_TYPE_RESELLER ] }
  targets { metric: "incremental_sales" target: "250000" }
  rules {
    id: "rebate"
    name: "Volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "50000" percent: "3.5" }
    }
  }
)pb";

class ProgramRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reseller_ = server_.CreatePartner("Bravo Systems", PARTNER_TYPE_RESELLER);
    distributor_ = server_.CreatePartner("Alpha Distribution", PARTNER_TYPE_DISTRIBUTOR);
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, reseller_.id());
    server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, reseller_.id());
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, distributor_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    stub_ = ProgramService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    reseller_admin_ = server_.Login("admin@bravo.example");
    reseller_rep_ = server_.Login("rep@bravo.example");
    distributor_admin_ = server_.Login("admin@alpha.example");
    for (const char* sku : {"ST-100", "ST-200"}) {
      Product p;
      p.set_sku(sku);
      p.set_name(std::string("Storage ") + sku);
      p.set_category("Storage");
      p.set_currency_code("EUR");
      p.set_list_price("1200");
      p.set_unit_cost("800.5");
      ASSERT_TRUE(CreateProduct(admin_, p, nullptr).ok());
    }
  }

  grpc::Status CreateProduct(const std::string& token, const Product& product, Product* out) {
    CreateProductRequest request;
    *request.mutable_product() = product;
    Product ignored;
    return stub_->CreateProduct(TestServer::Context(token).get(), request,
                                out != nullptr ? out : &ignored);
  }

  static Program ParseProgram(const char* text = kProgram) {
    Program p;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &p));
    return p;
  }

  grpc::Status CreateProgram(const Program& program, Program* out) {
    CreateProgramRequest request;
    *request.mutable_program() = program;
    return stub_->CreateProgram(TestServer::Context(admin_).get(), request, out);
  }

  Program ActiveProgram() {
    Program created;
    EXPECT_TRUE(CreateProgram(ParseProgram(), &created).ok());
    ChangeProgramStatusRequest request;
    request.set_program_id(created.id());
    Program active;
    EXPECT_TRUE(stub_->ActivateProgram(TestServer::Context(admin_).get(), request, &active).ok());
    return active;
  }

  grpc::Status Update(const Program& program, std::vector<std::string> paths, Program* out) {
    UpdateProgramRequest request;
    *request.mutable_program() = program;
    for (std::string& p : paths) request.mutable_update_mask()->add_paths(std::move(p));
    return stub_->UpdateProgram(TestServer::Context(admin_).get(), request, out);
  }

  grpc::Status Enroll(const std::string& token, int64_t program_id, int terms_version,
                      Enrollment* out) {
    EnrollPartnerRequest request;
    request.set_program_id(program_id);
    request.set_accepted_terms_version(terms_version);
    return stub_->EnrollPartner(TestServer::Context(token).get(), request, out);
  }

  TestServer server_;
  Partner reseller_, distributor_;
  std::unique_ptr<ProgramService::Stub> stub_;
  std::string admin_, reseller_admin_, reseller_rep_, distributor_admin_;
};

TEST_F(ProgramRpcTest, ProductsAreCreatedListedUpdatedAndImported) {
  Product product;
  product.set_sku("SV-1");
  product.set_name("  Support contract ");
  product.set_currency_code("EUR");
  product.set_list_price("99.9");
  product.set_unit_cost("10");
  Product created;
  ASSERT_TRUE(CreateProduct(admin_, product, &created).ok());
  EXPECT_EQ(created.name(), "Support contract");
  EXPECT_EQ(created.list_price(), "99.90");
  EXPECT_EQ(created.status(), PRODUCT_STATUS_ACTIVE);

  EXPECT_THAT(CreateProduct(admin_, product, nullptr),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS, HasSubstr("SV-1")));
  EXPECT_THAT(CreateProduct(reseller_admin_, product, nullptr),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  Product bad = product;
  bad.set_sku("has space");
  bad.set_list_price("1e3");
  bad.set_unit_cost("-1");
  bad.set_currency_code("XYZ");
  grpc::Status invalid = CreateProduct(admin_, bad, nullptr);
  EXPECT_THAT(invalid, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(invalid), ElementsAre("product.sku", "product.currency_code",
                                                   "product.list_price", "product.unit_cost"));

  // Partners search the catalog for their claim forms.
  ListProductsRequest list;
  list.set_query("support");
  ListProductsResponse found;
  ASSERT_TRUE(stub_->ListProducts(TestServer::Context(reseller_rep_).get(), list, &found).ok());
  ASSERT_EQ(found.products_size(), 1);
  EXPECT_EQ(found.products(0).sku(), "SV-1");

  UpdateProductRequest update;
  update.mutable_product()->set_id(created.id());
  update.mutable_product()->set_unit_cost("12.25");
  update.mutable_product()->set_etag(created.etag());
  update.mutable_update_mask()->add_paths("unit_cost");
  Product updated;
  ASSERT_TRUE(stub_->UpdateProduct(TestServer::Context(admin_).get(), update, &updated).ok());
  EXPECT_EQ(updated.unit_cost(), "12.25");
  EXPECT_THAT(stub_->UpdateProduct(TestServer::Context(admin_).get(), update, &updated),
              StatusIs(grpc::StatusCode::ABORTED));
  update.mutable_update_mask()->set_paths(0, "sku");
  EXPECT_THAT(stub_->UpdateProduct(TestServer::Context(admin_).get(), update, &updated),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("'sku' cannot be updated")));

  // An import with one bad row writes nothing; a good one creates and updates by SKU.
  ImportProductsRequest import;
  for (const char* sku : {"SV-1", "NW-1", "NW-2"}) {
    Product* p = import.add_products();
    p->set_sku(sku);
    p->set_name(std::string("Imported ") + sku);
    p->set_currency_code("EUR");
    p->set_list_price("10");
    p->set_unit_cost("5");
  }
  import.mutable_products(2)->set_list_price("ten");
  ImportProductsResponse imported;
  grpc::Status refused =
      stub_->ImportProducts(TestServer::Context(admin_).get(), import, &imported);
  EXPECT_THAT(refused, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(refused), ElementsAre("products[2].list_price"));
  ListProductsResponse all;
  ASSERT_TRUE(
      stub_->ListProducts(TestServer::Context(admin_).get(), ListProductsRequest(), &all).ok());
  EXPECT_EQ(all.products_size(), 3);

  import.mutable_products(2)->set_list_price("10");
  ASSERT_TRUE(stub_->ImportProducts(TestServer::Context(admin_).get(), import, &imported).ok());
  EXPECT_EQ(imported.created_count(), 2);
  EXPECT_EQ(imported.updated_count(), 1);
  GetProductRequest get;
  get.set_product_id(created.id());
  Product reread;
  ASSERT_TRUE(stub_->GetProduct(TestServer::Context(admin_).get(), get, &reread).ok());
  EXPECT_EQ(reread.name(), "Imported SV-1");
  EXPECT_EQ(reread.list_price(), "10.00");

  // A SKU twice in one file is refused, naming the second line; nothing is stored.
  ImportProductsRequest twice;
  *twice.add_products() = import.products(2);
  twice.mutable_products(0)->set_sku("SV-NEW");
  *twice.add_products() = twice.products(0);
  const grpc::Status doubled =
      stub_->ImportProducts(TestServer::Context(admin_).get(), twice, &imported);
  EXPECT_THAT(doubled, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(doubled), ElementsAre("products[1].sku"));
  ASSERT_TRUE(
      stub_->ListProducts(TestServer::Context(admin_).get(), ListProductsRequest(), &all).ok());
  EXPECT_EQ(all.products_size(), 5);
}

TEST_F(ProgramRpcTest, ACsvImportNamesEachRowsProblemsInTheReadersWords) {
  ImportProductsFromCsvRequest request;
  request.set_csv(
      "sku,name,currency_code,list_price\n"
      "CSV-1,Switch,EUR,10\n"
      "CSV-2,,EUR,-1\n");
  request.set_validate_only(true);
  ImportProductsFromCsvResponse out;
  ASSERT_TRUE(stub_->ImportProductsFromCsv(TestServer::Context(admin_).get(), request, &out).ok());
  ASSERT_EQ(out.rows_size(), 2);
  EXPECT_EQ(out.rows(0).action(), CSV_PRODUCT_ACTION_CREATE);
  ASSERT_EQ(out.rows(1).problems_size(), 2);
  EXPECT_EQ(out.rows(1).problems(0).column(), "name");
  EXPECT_EQ(out.rows(1).problems(0).description(), "required");
  EXPECT_EQ(out.rows(1).problems(1).description(), "must not be negative");

  // Plain English and phrases alike reach a Dutch reader in Dutch.
  const auto dutch = [&] {
    auto context = TestServer::Context(admin_);
    context->AddMetadata("accept-language", "nl");
    return context;
  };
  ASSERT_TRUE(stub_->ImportProductsFromCsv(dutch().get(), request, &out).ok());
  EXPECT_EQ(out.rows(1).problems(0).description(), "verplicht");
  EXPECT_EQ(out.rows(1).problems(1).description(), "mag niet negatief zijn");
  request.set_csv("sku,name,currency_code,list_price\nCSV-1,Switch,EURO,10\n");
  ASSERT_TRUE(stub_->ImportProductsFromCsv(dutch().get(), request, &out).ok());
  EXPECT_EQ(out.rows(0).problems(0).description(),
            "\"EURO\" is geen ondersteunde ISO 4217-valutacode");

  request.set_csv("no header we know\n");
  EXPECT_THAT(ViolatedFields(
                  stub_->ImportProductsFromCsv(TestServer::Context(admin_).get(), request, &out)),
              ElementsAre("csv"));
  EXPECT_THAT(stub_->ImportProductsFromCsv(TestServer::Context(reseller_rep_).get(), request, &out),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(ProgramRpcTest, InvalidRulesAreRefusedWithFieldDetails) {
  Program program = ParseProgram();
  auto* tiers = program.mutable_rules(0)->mutable_rebate()->mutable_tiers();
  tiers->Mutable(1)->set_min_volume("0");  // overlaps the first tier
  tiers->Mutable(0)->set_percent("-2");
  program.mutable_rules(0)->mutable_rebate()->add_skus("UNKNOWN-9");
  program.set_end_date("2025-06-30");
  Program out;
  grpc::Status status = CreateProgram(program, &out);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("program.end_date", "program.rules[0].rebate.skus[0]",
                          "program.rules[0].rebate.tiers[0].percent",
                          "program.rules[0].rebate.tiers[1].min_volume"));
  ListProgramsResponse none;
  ASSERT_TRUE(
      stub_->ListPrograms(TestServer::Context(admin_).get(), ListProgramsRequest(), &none).ok());
  EXPECT_THAT(none.programs(), IsEmpty());
}

TEST_F(ProgramRpcTest, LifecycleAndRulesVersions) {
  Program draft;
  ASSERT_TRUE(CreateProgram(ParseProgram(), &draft).ok());
  EXPECT_EQ(draft.status(), PROGRAM_STATUS_DRAFT);
  EXPECT_EQ(draft.rules_version(), 1);
  EXPECT_EQ(draft.budget(), "100000.00");
  EXPECT_EQ(draft.budget_remaining(), "100000.00");
  EXPECT_EQ(draft.rules(0).rebate().tiers(1).percent(), "3.5");

  // Partners do not see drafts.
  GetProgramRequest get;
  get.set_program_id(draft.id());
  Program seen;
  EXPECT_THAT(stub_->GetProgram(TestServer::Context(reseller_rep_).get(), get, &seen),
              StatusIs(grpc::StatusCode::NOT_FOUND));

  // A draft's rules change in place.
  Program edit = draft;
  edit.mutable_rules(0)->mutable_rebate()->mutable_tiers(1)->set_percent("4");
  Program edited;
  ASSERT_TRUE(Update(edit, {"rules"}, &edited).ok());
  EXPECT_EQ(edited.rules_version(), 1);
  EXPECT_THAT(Update(edit, {"rules"}, &edited), StatusIs(grpc::StatusCode::ABORTED));

  ChangeProgramStatusRequest change;
  change.set_program_id(draft.id());
  Program active;
  ASSERT_TRUE(stub_->ActivateProgram(TestServer::Context(admin_).get(), change, &active).ok());
  EXPECT_EQ(active.status(), PROGRAM_STATUS_ACTIVE);
  EXPECT_THAT(stub_->ActivateProgram(TestServer::Context(admin_).get(), change, &active),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("ACTIVE program")));
  EXPECT_THAT(stub_->PauseProgram(TestServer::Context(reseller_admin_).get(), change, &active),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(stub_->GetProgram(TestServer::Context(reseller_rep_).get(), get, &seen).ok());

  // Once active, rules change only through a new version; currency is fixed.
  Program change_rules = active;
  change_rules.mutable_rules(0)->mutable_rebate()->mutable_tiers(1)->set_percent("5");
  Program v2;
  ASSERT_TRUE(Update(change_rules, {"rules"}, &v2).ok());
  EXPECT_EQ(v2.rules_version(), 2);
  EXPECT_EQ(v2.terms_version(), 1);
  Program rename = v2;
  rename.set_name("Storage Rebate 2026 (EU)");
  Program renamed;
  ASSERT_TRUE(Update(rename, {"name"}, &renamed).ok());
  EXPECT_EQ(renamed.rules_version(), 2);
  Program new_currency = renamed;
  new_currency.set_currency_code("USD");
  EXPECT_THAT(Update(new_currency, {"currency_code"}, &renamed),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("currency_code")));

  ListProgramRulesVersionsRequest versions_request;
  versions_request.set_program_id(draft.id());
  ListProgramRulesVersionsResponse versions;
  ASSERT_TRUE(
      stub_
          ->ListProgramRulesVersions(TestServer::Context(admin_).get(), versions_request, &versions)
          .ok());
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_EQ(versions.versions(0).version(), 2);
  EXPECT_EQ(versions.versions(0).rules(0).rebate().tiers(1).percent(), "5");
  EXPECT_EQ(versions.versions(1).rules(0).rebate().tiers(1).percent(), "4");
  // A partner not in the program may not read its history: as if there were none.
  EXPECT_THAT(stub_->ListProgramRulesVersions(TestServer::Context(reseller_admin_).get(),
                                              versions_request, &versions),
              StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not enrolled")));

  ASSERT_TRUE(stub_->PauseProgram(TestServer::Context(admin_).get(), change, &active).ok());
  ASSERT_TRUE(stub_->CloseProgram(TestServer::Context(admin_).get(), change, &active).ok());
  EXPECT_THAT(stub_->ActivateProgram(TestServer::Context(admin_).get(), change, &active),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("CLOSED program")));
  rename.clear_etag();
  EXPECT_THAT(Update(rename, {"name"}, &renamed),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("closed")));
}

TEST_F(ProgramRpcTest, EligibilityAndEnrollment) {
  const Program program = ActiveProgram();
  CheckEligibilityRequest check;
  check.set_program_id(program.id());
  CheckEligibilityResponse eligibility;
  // Partners see what they lack; the vendor's preview shows the same for any partner.
  ASSERT_TRUE(
      stub_->CheckEligibility(TestServer::Context(distributor_admin_).get(), check, &eligibility)
          .ok());
  EXPECT_FALSE(eligibility.eligible());
  EXPECT_THAT(eligibility.reasons(),
              ElementsAre("partner type distributor is not eligible (reseller only)"));
  check.set_partner_id(distributor_.id());
  ASSERT_TRUE(stub_->CheckEligibility(TestServer::Context(admin_).get(), check, &eligibility).ok());
  check.clear_partner_id();
  EXPECT_FALSE(eligibility.eligible());
  Enrollment enrollment;
  EXPECT_THAT(Enroll(distributor_admin_, program.id(), 1, &enrollment),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                       HasSubstr("not eligible: partner type distributor is not eligible")));

  ASSERT_TRUE(
      stub_->CheckEligibility(TestServer::Context(reseller_admin_).get(), check, &eligibility)
          .ok());
  EXPECT_TRUE(eligibility.eligible());
  EXPECT_FALSE(eligibility.enrolled());
  EXPECT_EQ(eligibility.terms(), "Terms v1");

  // New terms: accepting the old version is refused.
  Program new_terms = program;
  new_terms.set_terms("Terms v2");
  Program updated;
  ASSERT_TRUE(Update(new_terms, {"terms"}, &updated).ok());
  EXPECT_EQ(updated.terms_version(), 2);
  EXPECT_THAT(Enroll(reseller_rep_, program.id(), 2, &enrollment),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Enroll(reseller_admin_, program.id(), 1, &enrollment),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("terms changed")));
  ASSERT_TRUE(Enroll(reseller_admin_, program.id(), 2, &enrollment).ok());
  EXPECT_EQ(enrollment.partner_id(), reseller_.id());
  EXPECT_EQ(enrollment.accepted_terms_version(), 2);
  EXPECT_THAT(Enroll(reseller_admin_, program.id(), 2, &enrollment),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS, HasSubstr("already enrolled")));

  ListEnrollmentsResponse mine;
  ASSERT_TRUE(stub_
                  ->ListEnrollments(TestServer::Context(reseller_rep_).get(),
                                    ListEnrollmentsRequest(), &mine)
                  .ok());
  ASSERT_EQ(mine.enrollments_size(), 1);
  ListEnrollmentsRequest other;
  other.set_partner_id(distributor_.id());
  // Another partner's data answers as if it did not exist (lib/principal.h).
  EXPECT_THAT(stub_->ListEnrollments(TestServer::Context(reseller_rep_).get(), other, &mine),
              StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not found")));

  // A required certification nobody holds closes the program (but it stays visible).
  Program exclusive = updated;
  exclusive.mutable_eligibility()->add_required_certifications("storage-expert");
  ASSERT_TRUE(Update(exclusive, {"eligibility"}, &updated).ok());
  ASSERT_TRUE(
      stub_->CheckEligibility(TestServer::Context(reseller_admin_).get(), check, &eligibility)
          .ok());
  EXPECT_FALSE(eligibility.eligible());
  EXPECT_TRUE(eligibility.enrolled());
  EXPECT_THAT(eligibility.reasons(),
              ElementsAre(HasSubstr("requires certification storage-expert")));

  // Paused programs take no enrollments.
  ChangeProgramStatusRequest pause;
  pause.set_program_id(program.id());
  Program paused;
  ASSERT_TRUE(stub_->PauseProgram(TestServer::Context(admin_).get(), pause, &paused).ok());
  Partner second = server_.CreatePartner("Charlie IT", PARTNER_TYPE_RESELLER);
  server_.CreateUser("admin@charlie.example", ROLE_PARTNER_ADMIN, second.id());
  EXPECT_THAT(Enroll(server_.Login("admin@charlie.example"), program.id(), 2, &enrollment),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("PAUSED")));
}

TEST_F(ProgramRpcTest, GapsNameTheStepThatWouldChangeThem) {
  Program program = ActiveProgram();
  program.mutable_eligibility()->add_required_certifications("storage-expert");
  Program updated;
  ASSERT_TRUE(Update(program, {"eligibility"}, &updated).ok());
  CheckEligibilityRequest check;
  check.set_program_id(program.id());
  CheckEligibilityResponse eligibility;
  ASSERT_TRUE(
      stub_->CheckEligibility(TestServer::Context(distributor_admin_).get(), check, &eligibility)
          .ok());
  ASSERT_EQ(eligibility.gaps_size(), 2);
  const EligibilityGap& type = eligibility.gaps(0);
  EXPECT_EQ(type.kind(), ELIGIBILITY_GAP_KIND_PARTNER_TYPE);
  EXPECT_EQ(type.current(), "distributor");
  EXPECT_THAT(type.allowed(), ElementsAre("reseller"));
  EXPECT_EQ(type.reason(), "partner type distributor is not eligible (reseller only)");
  EXPECT_THAT(type.next_step(), HasSubstr("channel manager"));
  const EligibilityGap& certification = eligibility.gaps(1);
  EXPECT_EQ(certification.kind(), ELIGIBILITY_GAP_KIND_CERTIFICATION);
  EXPECT_EQ(certification.certification_code(), "storage-expert");
  EXPECT_EQ(certification.next_step(), "have a user certified in storage-expert (see Training)");
  // The sentences are the gaps' reasons, in the same order.
  EXPECT_THAT(eligibility.reasons(), ElementsAre(type.reason(), certification.reason()));
}

TEST_F(ProgramRpcTest, NewTermsAreAcceptedAgainAndEveryVersionStaysReadable) {
  const Program program = ActiveProgram();
  Enrollment enrollment;
  ASSERT_TRUE(Enroll(reseller_admin_, program.id(), 1, &enrollment).ok());
  Program v2 = program;
  v2.set_terms("Terms v2: claims submitted before you accept them do not count.");
  Program updated;
  ASSERT_TRUE(Update(v2, {"terms"}, &updated).ok());
  ASSERT_EQ(updated.terms_version(), 2);

  // The partner sees it is behind.
  CheckEligibilityRequest check;
  check.set_program_id(program.id());
  CheckEligibilityResponse eligibility;
  ASSERT_TRUE(
      stub_->CheckEligibility(TestServer::Context(reseller_rep_).get(), check, &eligibility).ok());
  EXPECT_TRUE(eligibility.enrolled());
  EXPECT_EQ(eligibility.accepted_terms_version(), 1);
  EXPECT_EQ(eligibility.terms_version(), 2);

  AcceptProgramTermsRequest accept;
  accept.set_program_id(program.id());
  EXPECT_THAT(
      stub_->AcceptProgramTerms(TestServer::Context(reseller_admin_).get(), accept, &enrollment),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(stub_->AcceptProgramTerms(TestServer::Context(reseller_admin_).get(),
                                                       accept, &enrollment)),
              ElementsAre("accepted_terms_version"));
  accept.set_accepted_terms_version(2);
  EXPECT_THAT(
      stub_->AcceptProgramTerms(TestServer::Context(reseller_rep_).get(), accept, &enrollment),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(
      stub_->AcceptProgramTerms(TestServer::Context(distributor_admin_).get(), accept, &enrollment),
      StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not enrolled")));
  accept.set_accepted_terms_version(1);
  EXPECT_THAT(
      stub_->AcceptProgramTerms(TestServer::Context(reseller_admin_).get(), accept, &enrollment),
      StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("version 2 is current")));
  accept.set_accepted_terms_version(2);
  ASSERT_TRUE(
      stub_->AcceptProgramTerms(TestServer::Context(reseller_admin_).get(), accept, &enrollment)
          .ok());
  EXPECT_EQ(enrollment.accepted_terms_version(), 2);
  EXPECT_EQ(enrollment.partner_id(), reseller_.id());
  // Accepting again changes nothing.
  Enrollment again;
  ASSERT_TRUE(
      stub_->AcceptProgramTerms(TestServer::Context(reseller_admin_).get(), accept, &again).ok());
  EXPECT_EQ(again.SerializeAsString(), enrollment.SerializeAsString());

  // Everyone in the program reads every version, and which of them the partner accepted when.
  ListProgramTermsVersionsRequest list;
  list.set_program_id(program.id());
  ListProgramTermsVersionsResponse versions;
  ASSERT_TRUE(
      stub_->ListProgramTermsVersions(TestServer::Context(reseller_rep_).get(), list, &versions)
          .ok());
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_EQ(versions.versions(0).version(), 2);
  EXPECT_THAT(versions.versions(0).terms(), HasSubstr("do not count"));
  EXPECT_EQ(versions.versions(0).accepted_by_user_id(), enrollment.accepted_by_user_id());
  EXPECT_EQ(versions.versions(1).version(), 1);
  EXPECT_EQ(versions.versions(1).terms(), "Terms v1");
  EXPECT_NE(versions.versions(1).accepted_by_user_id(), 0);
  ListProgramRulesVersionsRequest rules;
  rules.set_program_id(program.id());
  ListProgramRulesVersionsResponse rules_versions;
  ASSERT_TRUE(stub_
                  ->ListProgramRulesVersions(TestServer::Context(reseller_rep_).get(), rules,
                                             &rules_versions)
                  .ok());
  EXPECT_EQ(rules_versions.versions_size(), 1);
  // A partner outside it reads nothing; the vendor reads all, without acceptances.
  EXPECT_THAT(stub_->ListProgramTermsVersions(TestServer::Context(distributor_admin_).get(), list,
                                              &versions),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  ASSERT_TRUE(
      stub_->ListProgramTermsVersions(TestServer::Context(admin_).get(), list, &versions).ok());
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_EQ(versions.versions(0).accepted_by_user_id(), 0);
  list.set_program_id(0);
  EXPECT_THAT(stub_->ListProgramTermsVersions(TestServer::Context(admin_).get(), list, &versions),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
}

TEST_F(ProgramRpcTest, PartnersDoNotSeeDraftsOrOtherPartnersDeals) {
  const Program open_to_all = ActiveProgram();
  Program for_distributor = ParseProgram();
  for_distributor.mutable_eligibility()->add_partner_ids(distributor_.id());
  Program created;
  ASSERT_TRUE(CreateProgram(for_distributor, &created).ok());
  ChangeProgramStatusRequest activate;
  activate.set_program_id(created.id());
  ASSERT_TRUE(stub_->ActivateProgram(TestServer::Context(admin_).get(), activate, &created).ok());
  Program draft;
  ASSERT_TRUE(CreateProgram(ParseProgram(), &draft).ok());

  ListProgramsRequest request;
  request.set_page_size(1);
  ListProgramsResponse page;
  ASSERT_TRUE(stub_->ListPrograms(TestServer::Context(reseller_rep_).get(), request, &page).ok());
  ASSERT_EQ(page.programs_size(), 1);
  EXPECT_EQ(page.programs(0).id(), open_to_all.id());
  EXPECT_TRUE(page.next_page_token().empty());
  GetProgramRequest deal;
  deal.set_program_id(created.id());
  Program seen;
  EXPECT_THAT(stub_->GetProgram(TestServer::Context(reseller_rep_).get(), deal, &seen),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(stub_->GetProgram(TestServer::Context(distributor_admin_).get(), deal, &seen).ok());

  ListProgramsResponse all;
  ASSERT_TRUE(
      stub_->ListPrograms(TestServer::Context(admin_).get(), ListProgramsRequest(), &all).ok());
  EXPECT_EQ(all.programs_size(), 3);
}

}  // namespace
}  // namespace cim
