// Counts every gRPC call the server answers, by method and status code, with its latency
// (RequestMetrics); installed on the server builder by ServerApp.
#ifndef CIM_SERVER_RPC_METRICS_INTERCEPTOR_H_
#define CIM_SERVER_RPC_METRICS_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

#include "lib/metrics.h"

namespace cim {

class MetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(RequestMetrics& metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  RequestMetrics& metrics_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_METRICS_INTERCEPTOR_H_
