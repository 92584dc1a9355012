// What an RPC adapter reads from a call: the bearer secret (for RpcHandler, and Login's
// anonymous path), the audit trail's view of the caller, cancellation; and Assign.
#ifndef CIM_SERVER_RPC_CALL_AUTH_H_
#define CIM_SERVER_RPC_CALL_AUTH_H_

#include <grpcpp/server_context.h>

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "lib/audit_scope.h"
#include "lib/status_util.h"
#include "server/identity/authenticator.h"
#include "server/rpc/grpc_status.h"

namespace cim {

// The secret from "authorization: Bearer <secret>" ("" when absent or another scheme).
std::string BearerFromMetadata(const grpc::ServerContext& context);

// The catalog language the call asks for in its `accept-language` metadata (the gateway passes
// the browser's Accept-Language on; internal callers set it themselves); empty for none.
std::string LanguageFromMetadata(const grpc::ServerContext& context);

// The audit trail's view of a call: the principal (nullptr before sign-in), `rpc`, the
// x-request-id metadata (a new random id when the caller sent none) and the client address
// ("<x-forwarded-for> via <peer>" when a gateway forwarded one, else the peer).
AuditActor AuditActorOf(const Principal* principal, const grpc::ServerContext& context,
                        absl::string_view rpc);

// Where a sign-in through this call comes from: the x-forwarded-for metadata (else the peer)
// and the x-client-agent metadata the gateway sets from the browser's User-Agent, each cut to
// what sessions keep.
SignInOrigin SignInOriginOf(const grpc::ServerContext& context);

// Waits `poll` for a server-streaming call, waking every 50 ms to notice a cancelled call
// (client gone, server stopping). Returns false if the call was cancelled.
bool WaitUnlessCancelled(const grpc::ServerContext& context, absl::Duration poll);

// Copies a StatusOr value into a response message, or returns its error.
template <typename T>
absl::Status Assign(absl::StatusOr<T> result, T* out) {
  if (!result.ok()) return result.status();
  *out = *std::move(result);
  return absl::OkStatus();
}

}  // namespace cim

#endif  // CIM_SERVER_RPC_CALL_AUTH_H_
