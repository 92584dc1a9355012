#include "server/rpc/partner_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status PartnerServiceImpl::CreatePartner(grpc::ServerContext* context,
                                               const cim::v1::CreatePartnerRequest* request,
                                               cim::v1::Partner* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.CreatePartner(p, request->partner()), response);
  });
}

grpc::Status PartnerServiceImpl::GetPartner(grpc::ServerContext* context,
                                            const cim::v1::GetPartnerRequest* request,
                                            cim::v1::Partner* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.GetPartner(p, request->partner_id()), response);
  });
}

grpc::Status PartnerServiceImpl::ListPartners(grpc::ServerContext* context,
                                              const cim::v1::ListPartnersRequest* request,
                                              cim::v1::ListPartnersResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.ListPartners(p, *request), response);
  });
}

grpc::Status PartnerServiceImpl::UpdatePartner(grpc::ServerContext* context,
                                               const cim::v1::UpdatePartnerRequest* request,
                                               cim::v1::Partner* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.UpdatePartner(p, request->partner(), request->update_mask()),
                  response);
  });
}

grpc::Status PartnerServiceImpl::CreateUser(grpc::ServerContext* context,
                                            const cim::v1::CreateUserRequest* request,
                                            cim::v1::User* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.CreateUser(p, request->user(), request->initial_password()), response);
  });
}

grpc::Status PartnerServiceImpl::InviteUser(grpc::ServerContext* context,
                                            const cim::v1::InviteUserRequest* request,
                                            cim::v1::User* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(accounts_.InviteUser(p, *request, p.language), response);
  });
}

grpc::Status PartnerServiceImpl::GetUser(grpc::ServerContext* context,
                                         const cim::v1::GetUserRequest* request,
                                         cim::v1::User* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.GetUser(p, request->user_id()), response);
  });
}

grpc::Status PartnerServiceImpl::ListUsers(grpc::ServerContext* context,
                                           const cim::v1::ListUsersRequest* request,
                                           cim::v1::ListUsersResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.ListUsers(p, *request), response);
  });
}

grpc::Status PartnerServiceImpl::UpdateUser(grpc::ServerContext* context,
                                            const cim::v1::UpdateUserRequest* request,
                                            cim::v1::User* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(directory_.UpdateUser(p, request->user(), request->update_mask()), response);
  });
}

}  // namespace cim
