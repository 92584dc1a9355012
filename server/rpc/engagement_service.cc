#include "server/rpc/engagement_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

// Each RPC hands the request to Engagement through the handler.
#define CIM_ENGAGEMENT_RPC(Method, Request, Response)                                \
  grpc::Status EngagementServiceImpl::Method(grpc::ServerContext* context,           \
                                             const cim::v1::Request* request,        \
                                             cim::v1::Response* response) {          \
    return rpc_.Run(*context, #Method, *request, response, [&](const Principal& p) { \
      return Assign(engagement_.Method(p, *request), response);                      \
    });                                                                              \
  }
CIM_ENGAGEMENT_RPCS(CIM_ENGAGEMENT_RPC)
#undef CIM_ENGAGEMENT_RPC

}  // namespace cim
