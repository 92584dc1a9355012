// The world most service tests start from, built through the API as a user would: products,
// and active programs that partners joined. One place instead of a copy per suite.
#ifndef CIM_TESTS_TESTING_TEST_WORLD_H_
#define CIM_TESTS_TESTING_TEST_WORLD_H_

#include <initializer_list>
#include <memory>
#include <string>

#include "cim/v1/program_service.grpc.pb.h"
#include "tests/testing/test_server.h"

namespace cim::testing {

class TestWorld {
 public:
  // Acts as `program_admin_token` (a signed-in program admin) on `server`.
  TestWorld(TestServer& server, std::string program_admin_token);

  // Products with these SKUs (named after them, EUR, list price 1000, unit cost 600). Fails
  // the test if the import is refused.
  void AddProducts(std::initializer_list<const char*> skus);

  // The program `text_proto` describes (a cim.v1.Program in text format), created and
  // activated; `budget` replaces its budget when set. Fails the test if a step is refused.
  cim::v1::Program ActiveProgram(const char* text_proto, const std::string& budget = "");

  // Enrolls the partner of `partner_admin_token` in `program_id`, accepting `terms_version`.
  grpc::Status Enroll(const std::string& partner_admin_token, int64_t program_id,
                      int terms_version = 1, cim::v1::Enrollment* out = nullptr);

 private:
  std::string admin_;
  std::unique_ptr<cim::v1::ProgramService::Stub> programs_;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_TEST_WORLD_H_
