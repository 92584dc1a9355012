#include "server/rpc/auth_service.h"

#include "lib/proto_time.h"
#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

cim::v1::Principal ToProto(const Principal& principal) {
  cim::v1::Principal out;
  out.set_user_id(principal.user_id);
  out.set_email(principal.email);
  out.set_display_name(principal.display_name);
  out.set_role(principal.role);
  out.set_partner_id(principal.partner_id);
  out.set_partner_name(principal.partner_name);
  out.set_language(principal.language);
  out.set_two_step_setup_required(principal.two_step_setup_required);
  return out;
}

grpc::Status AuthServiceImpl::Login(grpc::ServerContext* context,
                                    const cim::v1::LoginRequest* request,
                                    cim::v1::LoginResponse* response) {
  return rpc_.RunAnonymous(*context, __func__, *request, response, [&]() -> absl::Status {
    CIM_ASSIGN_OR_RETURN(LoginResult result,
                         rpc_.auth().Login(request->email(), request->password(),
                                           request->one_time_code(), SignInOriginOf(*context)));
    response->set_token(result.token);
    SetTimestamp(result.expires_at, response->mutable_expire_time());
    *response->mutable_principal() = ToProto(result.principal);
    if (response->principal().language().empty()) {
      response->mutable_principal()->set_language(LanguageFromMetadata(*context));
    }
    return absl::OkStatus();
  });
}

grpc::Status AuthServiceImpl::Logout(grpc::ServerContext* context,
                                     const cim::v1::LogoutRequest* request,
                                     cim::v1::LogoutResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return rpc_.auth().Logout(p); });
}

grpc::Status AuthServiceImpl::WhoAmI(grpc::ServerContext* context,
                                     const cim::v1::WhoAmIRequest* request,
                                     cim::v1::Principal* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    *response = ToProto(p);
    return absl::OkStatus();
  });
}

grpc::Status AuthServiceImpl::IssueApiKey(grpc::ServerContext* context,
                                          const cim::v1::IssueApiKeyRequest* request,
                                          cim::v1::IssueApiKeyResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) -> absl::Status {
    CIM_ASSIGN_OR_RETURN(IssuedApiKey key,
                         rpc_.auth().IssueApiKey(p, request->user_id(), request->description(),
                                                 request->ttl_days()));
    response->set_key_id(key.key_id);
    response->set_api_key(key.api_key);
    SetTimestamp(key.expires_at, response->mutable_expire_time());
    return absl::OkStatus();
  });
}

grpc::Status AuthServiceImpl::ListApiKeys(grpc::ServerContext* context,
                                          const cim::v1::ListApiKeysRequest* request,
                                          cim::v1::ListApiKeysResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(rpc_.auth().ListApiKeys(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::RevokeApiKey(grpc::ServerContext* context,
                                           const cim::v1::RevokeApiKeyRequest* request,
                                           cim::v1::RevokeApiKeyResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return rpc_.auth().RevokeApiKey(p, request->key_id());
  });
}

grpc::Status AuthServiceImpl::ChangePassword(grpc::ServerContext* context,
                                             const cim::v1::ChangePasswordRequest* request,
                                             cim::v1::ChangePasswordResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(accounts_.ChangePassword(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::RequestPasswordReset(
    grpc::ServerContext* context, const cim::v1::RequestPasswordResetRequest* request,
    cim::v1::RequestPasswordResetResponse* response) {
  return rpc_.RunAnonymous(*context, __func__, *request, response, [&] {
    return accounts_.RequestPasswordReset(*request, LanguageFromMetadata(*context));
  });
}

grpc::Status AuthServiceImpl::ResetPassword(grpc::ServerContext* context,
                                            const cim::v1::ResetPasswordRequest* request,
                                            cim::v1::ResetPasswordResponse* response) {
  return rpc_.RunAnonymous(*context, __func__, *request, response,
                           [&] { return accounts_.ResetPassword(*request); });
}

grpc::Status AuthServiceImpl::ListSessions(grpc::ServerContext* context,
                                           const cim::v1::ListSessionsRequest* request,
                                           cim::v1::ListSessionsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(accounts_.ListSessions(p), response); });
}

grpc::Status AuthServiceImpl::EndSession(grpc::ServerContext* context,
                                         const cim::v1::EndSessionRequest* request,
                                         cim::v1::EndSessionResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return accounts_.EndSession(p, request->session_id());
  });
}

grpc::Status AuthServiceImpl::ListSignIns(grpc::ServerContext* context,
                                          const cim::v1::ListSignInsRequest* request,
                                          cim::v1::ListSignInsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(accounts_.ListSignIns(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::GetTwoStep(grpc::ServerContext* context,
                                         const cim::v1::GetTwoStepRequest* request,
                                         cim::v1::TwoStep* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(two_step_.Get(p), response); });
}

grpc::Status AuthServiceImpl::BeginTwoStep(grpc::ServerContext* context,
                                           const cim::v1::BeginTwoStepRequest* request,
                                           cim::v1::BeginTwoStepResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(two_step_.Begin(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::ConfirmTwoStep(grpc::ServerContext* context,
                                             const cim::v1::ConfirmTwoStepRequest* request,
                                             cim::v1::ConfirmTwoStepResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(two_step_.Confirm(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::RenewRecoveryCodes(grpc::ServerContext* context,
                                                 const cim::v1::RenewRecoveryCodesRequest* request,
                                                 cim::v1::RenewRecoveryCodesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(two_step_.RenewRecoveryCodes(p, *request), response);
  });
}

grpc::Status AuthServiceImpl::TurnOffTwoStep(grpc::ServerContext* context,
                                             const cim::v1::TurnOffTwoStepRequest* request,
                                             cim::v1::TurnOffTwoStepResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return two_step_.TurnOff(p, *request); });
}

grpc::Status AuthServiceImpl::ResetTwoStep(grpc::ServerContext* context,
                                           const cim::v1::ResetTwoStepRequest* request,
                                           cim::v1::ResetTwoStepResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return two_step_.Reset(p, request->user_id()); });
}

}  // namespace cim
