// Health-check RPC throughput against a running cim-server (see bench/run_health_bench.sh).
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/synchronization/mutex.h"
#include "bench/grpc_load.h"
#include "grpc/health/v1/health.grpc.pb.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "cim-server address");
ABSL_FLAG(int, concurrency, 16, "calls in flight");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(5), "measured duration");
ABSL_FLAG(int, channels, 4, "gRPC channels (connections) the calls are spread over");

namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

class HealthCall final : public cim::bench::AsyncCall {
 public:
  explicit HealthCall(Health::Stub* stub) : stub_(stub) {}
  void Start(grpc::CompletionQueue* cq, void* tag) override {
    context_.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    reader_ = stub_->AsyncCheck(&context_, request_, cq);
    reader_->Finish(&response_, &status_, tag);
  }
  const grpc::Status& status() const override { return status_; }

 private:
  Health::Stub* stub_;
  grpc::ClientContext context_;
  HealthCheckRequest request_;
  HealthCheckResponse response_;
  grpc::Status status_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<HealthCheckResponse>> reader_;
};

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves Mutex deadlock detection (a global lock
  // graph updated on every lock) on; tests keep it, running binaries do not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  std::vector<std::unique_ptr<Health::Stub>> stubs;
  for (int i = 0; i < std::max(1, absl::GetFlag(FLAGS_channels)); ++i) {
    grpc::ChannelArguments args;
    args.SetInt("cim.bench.channel", i);  // distinct args → distinct connections
    stubs.push_back(Health::NewStub(grpc::CreateCustomChannel(
        absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials(), args)));
  }
  std::atomic<size_t> next{0};
  cim::bench::LoadOptions options;
  options.concurrency = absl::GetFlag(FLAGS_concurrency);
  options.duration = absl::GetFlag(FLAGS_duration);
  cim::bench::LoadResult result = cim::bench::RunLoad(
      options, [&] { return std::make_unique<HealthCall>(stubs[next++ % stubs.size()].get()); });
  std::cout << "health_check concurrency=" << options.concurrency << " "
            << cim::bench::Describe(result) << std::endl;
  return result.errors == 0 && result.calls > 0 ? 0 : 1;
}
