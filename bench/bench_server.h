// An in-process cim-server for benchmarks: a fresh database on the given MariaDB server,
// migrated, a connection pool for 16+ clients and fast password hashing. The database is
// dropped when the BenchServer goes.
#ifndef CIM_BENCH_BENCH_SERVER_H_
#define CIM_BENCH_BENCH_SERVER_H_

#include <memory>
#include <string>

#include "cim/v1/auth_service.grpc.pb.h"
#include "server/app/server_app.h"

namespace cim::bench {

class BenchServer {
 public:
  // `db_server`: a SOCI connect string without db=; `name` prefixes the database's name.
  // Prints the reason and exits if the database or the server cannot be started.
  BenchServer(const std::string& db_server, const std::string& name);
  ~BenchServer();

  ServerApp& app() { return *app_; }
  // The connect string of the benchmark's database (with db=).
  const std::string& connect() const { return connect_; }
  // host:port of the gRPC server.
  std::string address() const;
  // Creates an active user (display name = email) with `password` and logs them in through
  // AuthService.Login; returns the session token. Prints the reason and exits on failure.
  std::string CreateUser(const std::string& email, cim::v1::Role role, int64_t partner_id,
                         const std::string& password);

 private:
  std::string db_server_, db_name_, connect_;
  std::unique_ptr<ServerApp> app_;
  std::unique_ptr<cim::v1::AuthService::Stub> auth_;
};

}  // namespace cim::bench

#endif  // CIM_BENCH_BENCH_SERVER_H_
