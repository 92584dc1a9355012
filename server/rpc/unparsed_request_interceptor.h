// Answers a request whose bytes do not parse as its message type with INVALID_ARGUMENT (the
// caller's mistake) instead of the INTERNAL that gRPC's protobuf codec reports. Applies where
// the server parses before the handler runs: unary and server-streaming calls.
#ifndef CIM_SERVER_RPC_UNPARSED_REQUEST_INTERCEPTOR_H_
#define CIM_SERVER_RPC_UNPARSED_REQUEST_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

namespace cim {

class UnparsedRequestInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_UNPARSED_REQUEST_INTERCEPTOR_H_
