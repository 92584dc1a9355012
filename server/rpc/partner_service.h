// gRPC adapter for cim.v1.PartnerService.
#ifndef CIM_SERVER_RPC_PARTNER_SERVICE_H_
#define CIM_SERVER_RPC_PARTNER_SERVICE_H_

#include "cim/v1/partner_service.grpc.pb.h"
#include "server/accounts/account_security.h"
#include "server/identity/authenticator.h"
#include "server/identity/partner_directory.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class PartnerServiceImpl final : public cim::v1::PartnerService::Service {
 public:
  PartnerServiceImpl(Authenticator& auth, PartnerDirectory& directory, AccountSecurity& accounts)
      : rpc_(auth, cim::v1::PartnerService::service_full_name()),
        directory_(directory),
        accounts_(accounts) {}

  grpc::Status CreatePartner(grpc::ServerContext* context,
                             const cim::v1::CreatePartnerRequest* request,
                             cim::v1::Partner* response) override;
  grpc::Status GetPartner(grpc::ServerContext* context, const cim::v1::GetPartnerRequest* request,
                          cim::v1::Partner* response) override;
  grpc::Status ListPartners(grpc::ServerContext* context,
                            const cim::v1::ListPartnersRequest* request,
                            cim::v1::ListPartnersResponse* response) override;
  grpc::Status UpdatePartner(grpc::ServerContext* context,
                             const cim::v1::UpdatePartnerRequest* request,
                             cim::v1::Partner* response) override;
  grpc::Status InviteUser(grpc::ServerContext* context, const cim::v1::InviteUserRequest* request,
                          cim::v1::User* response) override;
  grpc::Status CreateUser(grpc::ServerContext* context, const cim::v1::CreateUserRequest* request,
                          cim::v1::User* response) override;
  grpc::Status GetUser(grpc::ServerContext* context, const cim::v1::GetUserRequest* request,
                       cim::v1::User* response) override;
  grpc::Status ListUsers(grpc::ServerContext* context, const cim::v1::ListUsersRequest* request,
                         cim::v1::ListUsersResponse* response) override;
  grpc::Status UpdateUser(grpc::ServerContext* context, const cim::v1::UpdateUserRequest* request,
                          cim::v1::User* response) override;

 private:
  RpcHandler rpc_;
  PartnerDirectory& directory_;
  AccountSecurity& accounts_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_PARTNER_SERVICE_H_
