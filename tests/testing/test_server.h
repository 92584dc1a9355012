// A real cim-server for tests: its own database, port 0, a fake clock and fast password hashing.
// Helpers create partners and users directly and log in through the real RPC.
// With CIM_TEST_REPLICAS=N (the cluster runs of ctest, on a Galera cluster listed in
// CIM_TEST_DB), N servers share the database as behind a load balancer: channel() spreads calls
// round robin over them, and app() is the first. They list the nodes in one order, as deployed
// (one preferred writer); writers on several nodes at once are tested by
// mysql_database_cluster_test and by cluster_fault_test's budget race.
#ifndef CIM_TESTS_TESTING_TEST_SERVER_H_
#define CIM_TESTS_TESTING_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "lib/clock.h"
#include "server/app/server_app.h"
#include "tests/testing/test_database.h"

namespace cim::testing {

inline constexpr char kTestPassword[] = "correct-horse-battery";

class TestServer {
 public:
  TestServer();
  ~TestServer();

  ServerApp& app() { return *replicas_.front(); }
  // Every server of this test (one unless CIM_TEST_REPLICAS says more).
  const std::vector<std::unique_ptr<ServerApp>>& replicas() const { return replicas_; }
  FakeClock& clock() { return clock_; }
  TestDatabase& database() { return database_; }
  // The first server's address.
  std::string address() const;
  // A channel to the server, or round robin over the replicas.
  std::shared_ptr<grpc::Channel> channel();

  cim::v1::Partner CreatePartner(const std::string& name,
                                 cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_RESELLER,
                                 int64_t parent_partner_id = 0);
  // A person of a role that requires two-step sign-in (finance, program admin) has it set up
  // with kTestTwoStepSecret (tests/testing/two_step_keys.h).
  cim::v1::User CreateUser(const std::string& email, cim::v1::Role role, int64_t partner_id = 0,
                           const std::string& password = kTestPassword);
  // Logs in through AuthService.Login (with OneTimeCode(email)). Fails the test (and returns "")
  // on error.
  std::string Login(const std::string& email, const std::string& password = kTestPassword);
  // The code a sign-in of `email` needs now: for a person CreateUser set two-step sign-in up
  // for, their current code (a code is good once: a second one within its 30 seconds moves the
  // clock on to the next); "" for anyone else.
  std::string OneTimeCode(const std::string& email);

  // Another server on the same database with this one's clock, as behind a load balancer
  // (waits for the schema instead of migrating). `configure` may change its options.
  std::unique_ptr<ServerApp> StartReplica(
      const std::function<void(ServerOptions&)>& configure = {});
  static std::shared_ptr<grpc::Channel> ChannelTo(const ServerApp& app);

  // A client context carrying `authorization: Bearer <token>` (none if token is empty) and a
  // 10-second deadline.
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token);

 private:
  TestDatabase database_;
  FakeClock clock_;
  // Options for the servers of this test: replica `index` of `count`.
  ServerOptions Options(int index, int count);

  std::vector<std::unique_ptr<ServerApp>> replicas_;
  // The people with two-step sign-in, by email: the step of the last code Login used.
  absl::flat_hash_map<std::string, int64_t> two_step_steps_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_TEST_SERVER_H_
