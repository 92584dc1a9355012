// Who a request calls the server as: a Bearer token (mobile apps, scripts) or the browser's
// HttpOnly session cookie, with CSRF protection for cookie-authenticated changes; and the
// client's address behind trusted proxies.
#ifndef CIM_PORTAL_GATEWAY_EDGE_CREDENTIALS_H_
#define CIM_PORTAL_GATEWAY_EDGE_CREDENTIALS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

inline constexpr char kSessionCookie[] = "cim_session";
// Browsers send this header with every API call; cookie-authenticated state-changing requests
// without it are refused (a cross-site form cannot set custom headers).
inline constexpr char kClientHeader[] = "X-CIM-Client";

// The authorization metadata to call with: the Authorization header, else "Bearer <session
// cookie>", else "". PERMISSION_DENIED for a cookie-authenticated request that changes state
// without the X-CIM-Client header.
absl::StatusOr<std::string> CallAuthorization(const HttpRequestHeader& request);

// The client's address: `peer`, or for a request from one of `trusted_proxies` the last
// address in X-Forwarded-For (what that proxy appended).
std::string ClientAddress(const HttpRequestHeader& request, const std::string& peer,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_EDGE_CREDENTIALS_H_
