#include "server/rpc/performance_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status PerformanceServiceImpl::AddProgramCost(grpc::ServerContext* context,
                                                    const cim::v1::AddProgramCostRequest* request,
                                                    cim::v1::ProgramCost* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(performance_.AddCost(p, *request), response);
  });
}

grpc::Status PerformanceServiceImpl::VoidProgramCost(grpc::ServerContext* context,
                                                     const cim::v1::VoidProgramCostRequest* request,
                                                     cim::v1::ProgramCost* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(performance_.VoidCost(p, *request), response);
  });
}

grpc::Status PerformanceServiceImpl::ListProgramCosts(
    grpc::ServerContext* context, const cim::v1::ListProgramCostsRequest* request,
    cim::v1::ListProgramCostsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(performance_.ListCosts(p, *request), response);
  });
}

grpc::Status PerformanceServiceImpl::GetProgramPerformance(
    grpc::ServerContext* context, const cim::v1::GetProgramPerformanceRequest* request,
    cim::v1::ProgramPerformance* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(performance_.Get(p, *request), response);
  });
}

grpc::Status PerformanceServiceImpl::ListProgramPerformance(
    grpc::ServerContext* context, const cim::v1::ListProgramPerformanceRequest* request,
    cim::v1::ListProgramPerformanceResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(performance_.List(p), response); });
}

grpc::Status PerformanceServiceImpl::SimulateProgram(grpc::ServerContext* context,
                                                     const cim::v1::SimulateProgramRequest* request,
                                                     cim::v1::SimulationResult* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(performance_.Simulate(p, *request), response);
  });
}

}  // namespace cim
