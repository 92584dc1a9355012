// The one way an RPC adapter runs a call: authenticate the caller, check what every request
// shares (timestamps and durations in protobuf's range, update masks naming only the paths the
// proto allows with `(cim.v1.paths)`), open an audit scope when the method is marked
// `(cim.v1.audited)` in the proto, run the logic, map the status to gRPC once. No handler
// chooses by hand whether its RPC is audited.
#ifndef CIM_SERVER_RPC_RPC_HANDLER_H_
#define CIM_SERVER_RPC_RPC_HANDLER_H_

#include <grpcpp/server_context.h>

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/empty.pb.h"
#include "google/protobuf/message.h"
#include "lib/audit_scope.h"
#include "server/identity/authenticator.h"
#include "server/rpc/call_auth.h"
#include "server/rpc/grpc_status.h"

namespace cim {

// INVALID_ARGUMENT with a violation per field if any google.protobuf.Timestamp or Duration in
// `request` (at any depth) is outside the range protobuf defines, or a FieldMask names a path its
// field's `(cim.v1.paths)` option does not list (a FieldMask without the option takes none).
absl::Status CheckRequestFields(const google::protobuf::Message& request);

class RpcHandler {
 public:
  // For the methods of `service_full_name` ("cim.v1.ClaimService"), read from the compiled
  // descriptors. Aborts if no such service was compiled in (a programming error).
  RpcHandler(Authenticator& auth, absl::string_view service_full_name);

  // True if `method` ("SubmitClaim") is marked audited, and for a name the service does not
  // have (recording too much is safer than too little).
  bool audited(absl::string_view method) const;

  // Authenticates the call, checks `request` (CheckRequestFields), then runs
  // fn(const Principal&) -> absl::Status (inside an AuditScope naming `method` if it is
  // audited) and maps the result to gRPC.
  template <typename Fn>
  grpc::Status Run(const grpc::ServerContext& context, absl::string_view method,
                   const google::protobuf::Message& request, Fn&& fn) const {
    absl::StatusOr<Principal> principal = auth_.Authenticate(BearerFromMetadata(context));
    if (!principal.ok()) return ToGrpcStatus(principal.status());
    if (principal->language.empty()) principal->language = LanguageFromMetadata(context);
    if (absl::Status checked = CheckRequestFields(request); !checked.ok()) {
      return ToGrpcStatus(checked);
    }
    if (!audited(method)) return ToGrpcStatus(std::forward<Fn>(fn)(*principal));
    AuditScope scope(AuditActorOf(&*principal, context, method));
    return ToGrpcStatus(std::forward<Fn>(fn)(*principal));
  }

  // The same for a client-streaming call, whose messages the logic reads (and checks with
  // CheckRequestFields) itself.
  template <typename Fn>
  grpc::Status RunStreaming(const grpc::ServerContext& context, absl::string_view method,
                            Fn&& fn) const {
    return Run(context, method, google::protobuf::Empty::default_instance(), std::forward<Fn>(fn));
  }

  Authenticator& auth() const { return auth_; }

 private:
  Authenticator& auth_;
  absl::flat_hash_set<std::string> methods_;
  absl::flat_hash_set<std::string> audited_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_RPC_HANDLER_H_
