// gRPC adapter for cim.v1.ProgramService: authenticate, call the catalog or program rules,
// map the status once.
#ifndef CIM_SERVER_RPC_PROGRAM_SERVICE_H_
#define CIM_SERVER_RPC_PROGRAM_SERVICE_H_

#include "cim/v1/program_service.grpc.pb.h"
#include "server/claim/partner_progress.h"
#include "server/identity/authenticator.h"
#include "server/program/product_catalog.h"
#include "server/program/program_directory.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class ProgramServiceImpl final : public cim::v1::ProgramService::Service {
 public:
  ProgramServiceImpl(Authenticator& auth, ProductCatalog& catalog, ProgramDirectory& programs,
                     PartnerProgressReport& progress)
      : rpc_(auth, cim::v1::ProgramService::service_full_name()),
        catalog_(catalog),
        programs_(programs),
        progress_(progress) {}

  grpc::Status CreateProduct(grpc::ServerContext* context,
                             const cim::v1::CreateProductRequest* request,
                             cim::v1::Product* response) override;
  grpc::Status GetProduct(grpc::ServerContext* context, const cim::v1::GetProductRequest* request,
                          cim::v1::Product* response) override;
  grpc::Status ListProducts(grpc::ServerContext* context,
                            const cim::v1::ListProductsRequest* request,
                            cim::v1::ListProductsResponse* response) override;
  grpc::Status UpdateProduct(grpc::ServerContext* context,
                             const cim::v1::UpdateProductRequest* request,
                             cim::v1::Product* response) override;
  grpc::Status ImportProducts(grpc::ServerContext* context,
                              const cim::v1::ImportProductsRequest* request,
                              cim::v1::ImportProductsResponse* response) override;
  grpc::Status ImportProductsFromCsv(grpc::ServerContext* context,
                                     const cim::v1::ImportProductsFromCsvRequest* request,
                                     cim::v1::ImportProductsFromCsvResponse* response) override;
  grpc::Status CreateProgram(grpc::ServerContext* context,
                             const cim::v1::CreateProgramRequest* request,
                             cim::v1::Program* response) override;
  grpc::Status GetProgram(grpc::ServerContext* context, const cim::v1::GetProgramRequest* request,
                          cim::v1::Program* response) override;
  grpc::Status ListPrograms(grpc::ServerContext* context,
                            const cim::v1::ListProgramsRequest* request,
                            cim::v1::ListProgramsResponse* response) override;
  grpc::Status UpdateProgram(grpc::ServerContext* context,
                             const cim::v1::UpdateProgramRequest* request,
                             cim::v1::Program* response) override;
  grpc::Status ListProgramRulesVersions(
      grpc::ServerContext* context, const cim::v1::ListProgramRulesVersionsRequest* request,
      cim::v1::ListProgramRulesVersionsResponse* response) override;
  grpc::Status ListProgramTermsVersions(
      grpc::ServerContext* context, const cim::v1::ListProgramTermsVersionsRequest* request,
      cim::v1::ListProgramTermsVersionsResponse* response) override;
  grpc::Status ActivateProgram(grpc::ServerContext* context,
                               const cim::v1::ChangeProgramStatusRequest* request,
                               cim::v1::Program* response) override;
  grpc::Status PauseProgram(grpc::ServerContext* context,
                            const cim::v1::ChangeProgramStatusRequest* request,
                            cim::v1::Program* response) override;
  grpc::Status CloseProgram(grpc::ServerContext* context,
                            const cim::v1::ChangeProgramStatusRequest* request,
                            cim::v1::Program* response) override;
  grpc::Status CheckEligibility(grpc::ServerContext* context,
                                const cim::v1::CheckEligibilityRequest* request,
                                cim::v1::CheckEligibilityResponse* response) override;
  grpc::Status EnrollPartner(grpc::ServerContext* context,
                             const cim::v1::EnrollPartnerRequest* request,
                             cim::v1::Enrollment* response) override;
  grpc::Status AcceptProgramTerms(grpc::ServerContext* context,
                                  const cim::v1::AcceptProgramTermsRequest* request,
                                  cim::v1::Enrollment* response) override;
  grpc::Status GetPartnerProgress(grpc::ServerContext* context,
                                  const cim::v1::GetPartnerProgressRequest* request,
                                  cim::v1::PartnerProgress* response) override;
  grpc::Status ListEnrollments(grpc::ServerContext* context,
                               const cim::v1::ListEnrollmentsRequest* request,
                               cim::v1::ListEnrollmentsResponse* response) override;

 private:
  RpcHandler rpc_;
  ProductCatalog& catalog_;
  ProgramDirectory& programs_;
  PartnerProgressReport& progress_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_PROGRAM_SERVICE_H_
