// A real cim-server for tests: its own database, port 0, a fake clock and fast password hashing.
// Helpers create partners and users directly and log in through the real RPC.
#ifndef CIM_TESTS_TESTING_TEST_SERVER_H_
#define CIM_TESTS_TESTING_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "server/app/server_app.h"
#include "server/common/clock.h"
#include "tests/testing/test_database.h"

namespace cim::testing {

inline constexpr char kTestPassword[] = "correct-horse-battery";

class TestServer {
 public:
  TestServer();
  ~TestServer();

  ServerApp& app() { return *app_; }
  FakeClock& clock() { return clock_; }
  TestDatabase& database() { return database_; }
  std::string address() const;
  std::shared_ptr<grpc::Channel> channel();

  cim::v1::Partner CreatePartner(const std::string& name,
                                 cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_RESELLER,
                                 int64_t parent_partner_id = 0);
  cim::v1::User CreateUser(const std::string& email, cim::v1::Role role, int64_t partner_id = 0,
                           const std::string& password = kTestPassword);
  // Logs in through AuthService.Login; fails the test (and returns "") on error.
  std::string Login(const std::string& email, const std::string& password = kTestPassword);

  // A client context carrying `authorization: Bearer <token>` (none if token is empty) and a
  // 10-second deadline.
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token);

 private:
  TestDatabase database_;
  FakeClock clock_;
  std::unique_ptr<ServerApp> app_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_TEST_SERVER_H_
