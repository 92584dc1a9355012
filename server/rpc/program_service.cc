#include "server/rpc/program_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status ProgramServiceImpl::CreateProduct(grpc::ServerContext* context,
                                               const cim::v1::CreateProductRequest* request,
                                               cim::v1::Product* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.CreateProduct(p, request->product()), response);
  });
}

grpc::Status ProgramServiceImpl::GetProduct(grpc::ServerContext* context,
                                            const cim::v1::GetProductRequest* request,
                                            cim::v1::Product* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.GetProduct(p, request->product_id()), response);
  });
}

grpc::Status ProgramServiceImpl::ListProducts(grpc::ServerContext* context,
                                              const cim::v1::ListProductsRequest* request,
                                              cim::v1::ListProductsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.ListProducts(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::UpdateProduct(grpc::ServerContext* context,
                                               const cim::v1::UpdateProductRequest* request,
                                               cim::v1::Product* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.UpdateProduct(p, request->product(), request->update_mask()), response);
  });
}

grpc::Status ProgramServiceImpl::ImportProducts(grpc::ServerContext* context,
                                                const cim::v1::ImportProductsRequest* request,
                                                cim::v1::ImportProductsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.ImportProducts(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::ImportProductsFromCsv(
    grpc::ServerContext* context, const cim::v1::ImportProductsFromCsvRequest* request,
    cim::v1::ImportProductsFromCsvResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(catalog_.ImportProductsFromCsv(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::CreateProgram(grpc::ServerContext* context,
                                               const cim::v1::CreateProgramRequest* request,
                                               cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.CreateProgram(p, request->program()), response);
  });
}

grpc::Status ProgramServiceImpl::GetProgram(grpc::ServerContext* context,
                                            const cim::v1::GetProgramRequest* request,
                                            cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.GetProgram(p, request->program_id()), response);
  });
}

grpc::Status ProgramServiceImpl::ListPrograms(grpc::ServerContext* context,
                                              const cim::v1::ListProgramsRequest* request,
                                              cim::v1::ListProgramsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ListPrograms(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::UpdateProgram(grpc::ServerContext* context,
                                               const cim::v1::UpdateProgramRequest* request,
                                               cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.UpdateProgram(p, request->program(), request->update_mask()), response);
  });
}

grpc::Status ProgramServiceImpl::ListProgramRulesVersions(
    grpc::ServerContext* context, const cim::v1::ListProgramRulesVersionsRequest* request,
    cim::v1::ListProgramRulesVersionsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ListRulesVersions(p, request->program_id()), response);
  });
}

grpc::Status ProgramServiceImpl::ListProgramTermsVersions(
    grpc::ServerContext* context, const cim::v1::ListProgramTermsVersionsRequest* request,
    cim::v1::ListProgramTermsVersionsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ListTermsVersions(p, request->program_id()), response);
  });
}

grpc::Status ProgramServiceImpl::ActivateProgram(grpc::ServerContext* context,
                                                 const cim::v1::ChangeProgramStatusRequest* request,
                                                 cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ChangeStatus(p, request->program_id(), request->etag(),
                                         cim::v1::PROGRAM_STATUS_ACTIVE),
                  response);
  });
}

grpc::Status ProgramServiceImpl::PauseProgram(grpc::ServerContext* context,
                                              const cim::v1::ChangeProgramStatusRequest* request,
                                              cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ChangeStatus(p, request->program_id(), request->etag(),
                                         cim::v1::PROGRAM_STATUS_PAUSED),
                  response);
  });
}

grpc::Status ProgramServiceImpl::CloseProgram(grpc::ServerContext* context,
                                              const cim::v1::ChangeProgramStatusRequest* request,
                                              cim::v1::Program* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ChangeStatus(p, request->program_id(), request->etag(),
                                         cim::v1::PROGRAM_STATUS_CLOSED),
                  response);
  });
}

grpc::Status ProgramServiceImpl::CheckEligibility(grpc::ServerContext* context,
                                                  const cim::v1::CheckEligibilityRequest* request,
                                                  cim::v1::CheckEligibilityResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.CheckEligibility(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::EnrollPartner(grpc::ServerContext* context,
                                               const cim::v1::EnrollPartnerRequest* request,
                                               cim::v1::Enrollment* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.EnrollPartner(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::AcceptProgramTerms(
    grpc::ServerContext* context, const cim::v1::AcceptProgramTermsRequest* request,
    cim::v1::Enrollment* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.AcceptTerms(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::ListEnrollments(grpc::ServerContext* context,
                                                 const cim::v1::ListEnrollmentsRequest* request,
                                                 cim::v1::ListEnrollmentsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(programs_.ListEnrollments(p, *request), response);
  });
}

grpc::Status ProgramServiceImpl::GetPartnerProgress(
    grpc::ServerContext* context, const cim::v1::GetPartnerProgressRequest* request,
    cim::v1::PartnerProgress* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(progress_.Get(p, *request), response); });
}

}  // namespace cim
