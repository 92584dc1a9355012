// The one mapping from internal statuses (absl::Status) to gRPC statuses.
#ifndef CIM_SERVER_RPC_GRPC_STATUS_H_
#define CIM_SERVER_RPC_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "lib/messages.h"

namespace cim {

// The same code and the message in English (for logs and callers that read no details). A
// failure carries google.rpc.Status details (grpc-status-details-bin): any google.rpc.BadRequest
// payload (FieldErrors) with the field paths as they are and each description in `reader`'s
// words, and a google.rpc.LocalizedMessage: the message in `reader`'s words and locale.
grpc::Status ToGrpcStatus(const absl::Status& status, const Wording& reader = Wording::English());

}  // namespace cim

#endif  // CIM_SERVER_RPC_GRPC_STATUS_H_
