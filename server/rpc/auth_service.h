// gRPC adapter for cim.v1.AuthService.
#ifndef CIM_SERVER_RPC_AUTH_SERVICE_H_
#define CIM_SERVER_RPC_AUTH_SERVICE_H_

#include "cim/v1/auth_service.grpc.pb.h"
#include "server/accounts/account_security.h"
#include "server/accounts/two_step_setup.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

// Converts a domain principal to its API form.
cim::v1::Principal ToProto(const Principal& principal);

class AuthServiceImpl final : public cim::v1::AuthService::Service {
 public:
  AuthServiceImpl(Authenticator& auth, AccountSecurity& accounts, TwoStepSetup& two_step)
      : rpc_(auth, cim::v1::AuthService::service_full_name()),
        accounts_(accounts),
        two_step_(two_step) {}

  grpc::Status Login(grpc::ServerContext* context, const cim::v1::LoginRequest* request,
                     cim::v1::LoginResponse* response) override;
  grpc::Status Logout(grpc::ServerContext* context, const cim::v1::LogoutRequest* request,
                      cim::v1::LogoutResponse* response) override;
  grpc::Status WhoAmI(grpc::ServerContext* context, const cim::v1::WhoAmIRequest* request,
                      cim::v1::Principal* response) override;
  grpc::Status IssueApiKey(grpc::ServerContext* context, const cim::v1::IssueApiKeyRequest* request,
                           cim::v1::IssueApiKeyResponse* response) override;
  grpc::Status ListApiKeys(grpc::ServerContext* context, const cim::v1::ListApiKeysRequest* request,
                           cim::v1::ListApiKeysResponse* response) override;
  grpc::Status RevokeApiKey(grpc::ServerContext* context,
                            const cim::v1::RevokeApiKeyRequest* request,
                            cim::v1::RevokeApiKeyResponse* response) override;
  grpc::Status ChangePassword(grpc::ServerContext* context,
                              const cim::v1::ChangePasswordRequest* request,
                              cim::v1::ChangePasswordResponse* response) override;
  grpc::Status RequestPasswordReset(grpc::ServerContext* context,
                                    const cim::v1::RequestPasswordResetRequest* request,
                                    cim::v1::RequestPasswordResetResponse* response) override;
  grpc::Status ResetPassword(grpc::ServerContext* context,
                             const cim::v1::ResetPasswordRequest* request,
                             cim::v1::ResetPasswordResponse* response) override;
  grpc::Status ListSessions(grpc::ServerContext* context,
                            const cim::v1::ListSessionsRequest* request,
                            cim::v1::ListSessionsResponse* response) override;
  grpc::Status EndSession(grpc::ServerContext* context, const cim::v1::EndSessionRequest* request,
                          cim::v1::EndSessionResponse* response) override;
  grpc::Status ListSignIns(grpc::ServerContext* context, const cim::v1::ListSignInsRequest* request,
                           cim::v1::ListSignInsResponse* response) override;
  grpc::Status GetTwoStep(grpc::ServerContext* context, const cim::v1::GetTwoStepRequest* request,
                          cim::v1::TwoStep* response) override;
  grpc::Status BeginTwoStep(grpc::ServerContext* context,
                            const cim::v1::BeginTwoStepRequest* request,
                            cim::v1::BeginTwoStepResponse* response) override;
  grpc::Status ConfirmTwoStep(grpc::ServerContext* context,
                              const cim::v1::ConfirmTwoStepRequest* request,
                              cim::v1::ConfirmTwoStepResponse* response) override;
  grpc::Status RenewRecoveryCodes(grpc::ServerContext* context,
                                  const cim::v1::RenewRecoveryCodesRequest* request,
                                  cim::v1::RenewRecoveryCodesResponse* response) override;
  grpc::Status TurnOffTwoStep(grpc::ServerContext* context,
                              const cim::v1::TurnOffTwoStepRequest* request,
                              cim::v1::TurnOffTwoStepResponse* response) override;
  grpc::Status ResetTwoStep(grpc::ServerContext* context,
                            const cim::v1::ResetTwoStepRequest* request,
                            cim::v1::ResetTwoStepResponse* response) override;

 private:
  RpcHandler rpc_;
  AccountSecurity& accounts_;
  TwoStepSetup& two_step_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_AUTH_SERVICE_H_
