// Turns a call's `authorization` metadata into a Principal: the first step of every RPC
// handler except Login and health (which are the only anonymous RPCs).
#ifndef CIM_SERVER_IDENTITY_CALL_AUTH_H_
#define CIM_SERVER_IDENTITY_CALL_AUTH_H_

#include <grpcpp/server_context.h>

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/audit/audit_scope.h"
#include "server/common/status_util.h"
#include "server/identity/authenticator.h"

namespace cim {

// The secret from "authorization: Bearer <secret>" ("" when absent or another scheme).
std::string BearerFromMetadata(const grpc::ServerContext& context);

// Authenticates the call, then runs fn(const Principal&) -> absl::Status, mapping the result
// to gRPC once.
template <typename Fn>
grpc::Status WithPrincipal(Authenticator& auth, const grpc::ServerContext& context, Fn&& fn) {
  absl::StatusOr<Principal> principal = auth.Authenticate(BearerFromMetadata(context));
  if (!principal.ok()) return ToGrpcStatus(principal.status());
  return ToGrpcStatus(fn(*principal));
}

// The audit trail's view of a call: the principal (nullptr before sign-in), `rpc`, the
// x-request-id metadata (a new random id when the caller sent none) and the client address
// ("<x-forwarded-for> via <peer>" when a gateway forwarded one, else the peer).
AuditActor AuditActorOf(const Principal* principal, const grpc::ServerContext& context,
                        absl::string_view rpc);

// WithPrincipal for state-changing RPCs: fn runs inside an AuditScope, so every transaction it
// commits records what it changed, in that transaction.
template <typename Fn>
grpc::Status WithAudit(Authenticator& auth, const grpc::ServerContext& context,
                       absl::string_view rpc, Fn&& fn) {
  absl::StatusOr<Principal> principal = auth.Authenticate(BearerFromMetadata(context));
  if (!principal.ok()) return ToGrpcStatus(principal.status());
  AuditScope scope(AuditActorOf(&*principal, context, rpc));
  return ToGrpcStatus(fn(*principal));
}

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

#endif  // CIM_SERVER_IDENTITY_CALL_AUTH_H_
