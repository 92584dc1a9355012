#include "server/rpc/metrics_interceptor.h"

#include <string_view>

#include "absl/status/status.h"
#include "absl/time/clock.h"

namespace cim {
namespace {

using grpc::experimental::InterceptionHookPoints;

class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(grpc::experimental::ServerRpcInfo* info, RequestMetrics& metrics)
      : method_(info->method()), metrics_(metrics), start_(absl::Now()) {
    metrics_.Start();
  }
  // A call that ends without sending a status (the client went away) counts as CANCELLED.
  ~MetricsInterceptor() override {
    if (!finished_) Finish(grpc::StatusCode::CANCELLED);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (!finished_ &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Finish(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Finish(grpc::StatusCode code) {
    finished_ = true;
    metrics_.Finish({method_, absl::StatusCodeToString(static_cast<absl::StatusCode>(code))},
                    absl::Now() - start_);
  }

  const std::string method_;
  RequestMetrics& metrics_;
  const absl::Time start_;
  bool finished_ = false;
};

}  // namespace

grpc::experimental::Interceptor* MetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // Health watches stay open as long as their client likes: counted, they would sit in flight
  // and in the top latency bucket for no request of anyone's.
  if (std::string_view(info->method()) == "/grpc.health.v1.Health/Watch") return nullptr;
  return new MetricsInterceptor(info, metrics_);
}

}  // namespace cim
