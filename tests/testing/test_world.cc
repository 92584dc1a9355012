#include "tests/testing/test_world.h"

#include <google/protobuf/text_format.h>

#include "gtest/gtest.h"

namespace cim::testing {

TestWorld::TestWorld(TestServer& server, std::string program_admin_token)
    : admin_(std::move(program_admin_token)),
      programs_(cim::v1::ProgramService::NewStub(server.channel())) {}

void TestWorld::AddProducts(std::initializer_list<const char*> skus) {
  cim::v1::ImportProductsRequest request;
  for (const char* sku : skus) {
    cim::v1::Product* p = request.add_products();
    p->set_sku(sku);
    p->set_name(sku);
    p->set_currency_code("EUR");
    p->set_list_price("1000");
    p->set_unit_cost("600");
  }
  cim::v1::ImportProductsResponse response;
  const grpc::Status status =
      programs_->ImportProducts(TestServer::Context(admin_).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
}

cim::v1::Program TestWorld::ActiveProgram(const char* text_proto, const std::string& budget) {
  cim::v1::CreateProgramRequest create;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_proto, create.mutable_program()));
  if (!budget.empty()) create.mutable_program()->set_budget(budget);
  cim::v1::Program program;
  grpc::Status status =
      programs_->CreateProgram(TestServer::Context(admin_).get(), create, &program);
  EXPECT_TRUE(status.ok()) << status.error_message();
  cim::v1::ChangeProgramStatusRequest activate;
  activate.set_program_id(program.id());
  status = programs_->ActivateProgram(TestServer::Context(admin_).get(), activate, &program);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return program;
}

grpc::Status TestWorld::Enroll(const std::string& partner_admin_token, int64_t program_id,
                               int terms_version, cim::v1::Enrollment* out) {
  cim::v1::EnrollPartnerRequest request;
  request.set_program_id(program_id);
  request.set_accepted_terms_version(terms_version);
  cim::v1::Enrollment enrollment;
  return programs_->EnrollPartner(TestServer::Context(partner_admin_token).get(), request,
                                  out != nullptr ? out : &enrollment);
}

}  // namespace cim::testing
