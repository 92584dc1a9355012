// cim.v1.PerformanceService: the gRPC adapter over PerformanceReports.
#ifndef CIM_SERVER_RPC_PERFORMANCE_SERVICE_H_
#define CIM_SERVER_RPC_PERFORMANCE_SERVICE_H_

#include "cim/v1/performance_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/performance/performance_reports.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class PerformanceServiceImpl final : public cim::v1::PerformanceService::Service {
 public:
  PerformanceServiceImpl(Authenticator& auth, PerformanceReports& performance)
      : rpc_(auth, cim::v1::PerformanceService::service_full_name()), performance_(performance) {}

  grpc::Status AddProgramCost(grpc::ServerContext* context,
                              const cim::v1::AddProgramCostRequest* request,
                              cim::v1::ProgramCost* response) override;
  grpc::Status VoidProgramCost(grpc::ServerContext* context,
                               const cim::v1::VoidProgramCostRequest* request,
                               cim::v1::ProgramCost* response) override;
  grpc::Status ListProgramCosts(grpc::ServerContext* context,
                                const cim::v1::ListProgramCostsRequest* request,
                                cim::v1::ListProgramCostsResponse* response) override;
  grpc::Status GetProgramPerformance(grpc::ServerContext* context,
                                     const cim::v1::GetProgramPerformanceRequest* request,
                                     cim::v1::ProgramPerformance* response) override;
  grpc::Status ListProgramPerformance(grpc::ServerContext* context,
                                      const cim::v1::ListProgramPerformanceRequest* request,
                                      cim::v1::ListProgramPerformanceResponse* response) override;
  grpc::Status SimulateProgram(grpc::ServerContext* context,
                               const cim::v1::SimulateProgramRequest* request,
                               cim::v1::SimulationResult* response) override;

 private:
  RpcHandler rpc_;
  PerformanceReports& performance_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_PERFORMANCE_SERVICE_H_
