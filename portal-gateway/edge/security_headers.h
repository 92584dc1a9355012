// The security headers every answer of the gateway carries (no sniffing, no framing, a strict
// content security policy for the portal).
#ifndef CIM_PORTAL_GATEWAY_EDGE_SECURITY_HEADERS_H_
#define CIM_PORTAL_GATEWAY_EDGE_SECURITY_HEADERS_H_

#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

void AddSecurityHeaders(http::fields& response);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_EDGE_SECURITY_HEADERS_H_
