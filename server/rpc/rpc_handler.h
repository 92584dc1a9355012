// The one way an RPC adapter runs a call: authenticate the caller, check what every request
// shares (timestamps and durations in protobuf's range, update masks naming only the paths the
// proto allows with `(cim.v1.paths)`), open an audit scope when the method is marked
// `(cim.v1.audited)` in the proto, run the logic, render the texts of the response in the
// caller's language (lib/phrase.h), map the status to gRPC once. No handler chooses by hand
// whether its RPC is audited, and none renders texts itself.
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
#include "lib/messages.h"
#include "server/identity/authenticator.h"
#include "server/rpc/call_auth.h"
#include "server/rpc/grpc_status.h"

namespace cim {

// INVALID_ARGUMENT with a violation per field if any google.protobuf.Timestamp or Duration in
// `request` (at any depth) is outside the range protobuf defines, or a FieldMask names a path its
// field's `(cim.v1.paths)` option does not list (a FieldMask without the option takes none).
absl::Status CheckRequestFields(const google::protobuf::Message& request);

// Every phrase (lib/phrase.h) in the string fields of `message`, at any depth, rendered by
// `reader`; fields marked `(cim.v1.error_text)` also translate plain English errors
// (Wording::Translate); other texts stay as they are.
void RenderPhrases(const Wording& reader, google::protobuf::Message& message);

// `message` as `principal` reads it (RenderPhrases in their language): for streamed messages,
// which Run does not see.
template <typename M>
M ForReader(const Principal& principal, M message) {
  RenderPhrases(Wording(MessageCatalogs::Compiled(), principal.language), message);
  return message;
}

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
  // audited), which fills `response`; renders the phrases in `response` (nullptr for a
  // server-streaming call, whose messages go through ForReader) and the status in the caller's
  // language, and maps the result to gRPC.
  template <typename Fn>
  grpc::Status Run(const grpc::ServerContext& context, absl::string_view method,
                   const google::protobuf::Message& request, google::protobuf::Message* response,
                   Fn&& fn) const {
    absl::StatusOr<Principal> principal = auth_.Authenticate(BearerFromMetadata(context));
    if (!principal.ok()) {
      return ToGrpcStatus(principal.status(), ReaderOf(LanguageFromMetadata(context)));
    }
    if (principal->language.empty()) principal->language = LanguageFromMetadata(context);
    if (absl::Status set_up = CheckTwoStepSetUp(*principal, method); !set_up.ok()) {
      return ToGrpcStatus(set_up, ReaderOf(principal->language));
    }
    return Call(context, method, request, response, &*principal,
                [&] { return std::forward<Fn>(fn)(*principal); });
  }

  // The same for a method marked `(cim.v1.anonymous)`: nobody to authenticate, fn() -> Status
  // runs as nobody, and the texts are in the language the call's metadata asks for.
  template <typename Fn>
  grpc::Status RunAnonymous(const grpc::ServerContext& context, absl::string_view method,
                            const google::protobuf::Message& request,
                            google::protobuf::Message* response, Fn&& fn) const {
    return Call(context, method, request, response, nullptr, std::forward<Fn>(fn));
  }

  // The same for a client-streaming call, whose messages the logic reads (and checks with
  // CheckRequestFields) itself.
  template <typename Fn>
  grpc::Status RunStreaming(const grpc::ServerContext& context, absl::string_view method,
                            google::protobuf::Message* response, Fn&& fn) const {
    return Run(context, method, google::protobuf::Empty::default_instance(), response,
               std::forward<Fn>(fn));
  }

  Authenticator& auth() const { return auth_; }

 private:
  // OK unless `principal` must set two-step sign-in up first and `method` is not marked
  // `(cim.v1.before_two_step)`: FAILED_PRECONDITION then.
  absl::Status CheckTwoStepSetUp(const Principal& principal, absl::string_view method) const;
  static Wording ReaderOf(absl::string_view language) {
    return Wording(MessageCatalogs::Compiled(), language);
  }

  // Checks `request`, runs fn() (in an AuditScope of `principal`, nullptr for nobody, if
  // `method` is audited), renders `response` and the status for the reader.
  template <typename Fn>
  grpc::Status Call(const grpc::ServerContext& context, absl::string_view method,
                    const google::protobuf::Message& request, google::protobuf::Message* response,
                    const Principal* principal, Fn&& fn) const {
    const Wording reader =
        ReaderOf(principal != nullptr ? principal->language : LanguageFromMetadata(context));
    if (absl::Status checked = CheckRequestFields(request); !checked.ok()) {
      return ToGrpcStatus(checked, reader);
    }
    absl::Status status;
    if (audited(method)) {
      AuditScope scope(AuditActorOf(principal, context, method));
      status = std::forward<Fn>(fn)();
    } else {
      status = std::forward<Fn>(fn)();
    }
    if (status.ok() && response != nullptr) RenderPhrases(reader, *response);
    return ToGrpcStatus(status, reader);
  }

  Authenticator& auth_;
  absl::flat_hash_set<std::string> methods_;
  absl::flat_hash_set<std::string> audited_;
  absl::flat_hash_set<std::string> before_two_step_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_RPC_HANDLER_H_
