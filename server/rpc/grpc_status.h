// The one mapping from internal statuses (absl::Status) to gRPC statuses.
#ifndef CIM_SERVER_RPC_GRPC_STATUS_H_
#define CIM_SERVER_RPC_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace cim {

// Same code and message, and any google.rpc.BadRequest payload (FieldErrors) as
// google.rpc.Status details (grpc-status-details-bin).
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace cim

#endif  // CIM_SERVER_RPC_GRPC_STATUS_H_
