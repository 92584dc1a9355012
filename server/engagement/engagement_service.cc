#include "server/engagement/engagement_service.h"

#include "server/identity/call_auth.h"

namespace cim {

// Each RPC authenticates the caller and hands the request to Engagement (audited: the reads
// among them record nothing).
#define CIM_ENGAGEMENT_RPC(Method, Request, Response)                         \
  grpc::Status EngagementServiceImpl::Method(grpc::ServerContext* context,    \
                                             const cim::v1::Request* request, \
                                             cim::v1::Response* response) {   \
    return WithAudit(auth_, *context, #Method, [&](const Principal& p) {      \
      return Assign(engagement_.Method(p, *request), response);               \
    });                                                                       \
  }
CIM_ENGAGEMENT_RPCS(CIM_ENGAGEMENT_RPC)
#undef CIM_ENGAGEMENT_RPC

}  // namespace cim
