// A small gRPC server for the tests of what server/rpc/ does around a call (call_auth,
// interceptors): on loopback port 0 it serves AuthService.WhoAmI and ExportService.ExportClaims
// with probe handlers that record what they saw, plus gRPC's default health service, behind the
// interceptors a test gives it.
#ifndef CIM_TESTS_SERVER_RPC_PROBE_SERVER_H_
#define CIM_TESTS_SERVER_RPC_PROBE_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/export_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/rpc/call_auth.h"

namespace cim::testing {

// WhoAmI records the bearer and audit actor of the call (as `principal` when set), waits
// `delay` and, if `hold` is set, until it is notified, then answers `answer`.
class ProbeAuthService final : public cim::v1::AuthService::Service {
 public:
  grpc::Status WhoAmI(grpc::ServerContext* context, const cim::v1::WhoAmIRequest*,
                      cim::v1::Principal*) override {
    {
      absl::MutexLock lock(&mu_);
      bearer_ = BearerFromMetadata(*context);
      actor_ = AuditActorOf(principal ? &*principal : nullptr, *context, "WhoAmI");
    }
    absl::SleepFor(delay);
    if (hold != nullptr) hold->WaitForNotification();
    return answer;
  }

  std::string bearer() {
    absl::MutexLock lock(&mu_);
    return bearer_;
  }
  AuditActor actor() {
    absl::MutexLock lock(&mu_);
    return actor_;
  }

  std::optional<Principal> principal;
  absl::Duration delay;
  absl::Notification* hold = nullptr;
  grpc::Status answer = grpc::Status::OK;

 private:
  absl::Mutex mu_;
  std::string bearer_ ABSL_GUARDED_BY(mu_);
  AuditActor actor_ ABSL_GUARDED_BY(mu_);
};

// ExportClaims sends one file message, then waits up to `poll` unless the call is cancelled
// (WaitUnlessCancelled), records what that returned and how long it took, and answers OK.
class ProbeExportService final : public cim::v1::ExportService::Service {
 public:
  grpc::Status ExportClaims(grpc::ServerContext* context, const cim::v1::ExportClaimsRequest*,
                            grpc::ServerWriter<cim::v1::FileChunk>* writer) override {
    cim::v1::FileChunk file;
    file.mutable_file()->set_filename("probe.csv");
    writer->Write(file);
    const absl::Time start = absl::Now();
    result = WaitUnlessCancelled(*context, poll);
    waited = absl::Now() - start;
    done.Notify();
    return grpc::Status::OK;
  }

  absl::Duration poll = absl::Seconds(10);
  // Set before `done` is notified.
  bool result = false;
  absl::Duration waited;
  absl::Notification done;
};

class ProbeServer {
 public:
  explicit ProbeServer(
      std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
          interceptors = {}) {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&auth);
    builder.RegisterService(&exports);
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
    server_ = builder.BuildAndStart();
    EXPECT_NE(server_, nullptr);
    EXPECT_GT(port_, 0);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port_),
                                   grpc::InsecureChannelCredentials());
  }
  ~ProbeServer() {
    if (server_ != nullptr) server_->Shutdown(std::chrono::system_clock::now());
  }

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  int port() const { return port_; }

  ProbeAuthService auth;
  ProbeExportService exports;

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_SERVER_RPC_PROBE_SERVER_H_
