// What the gateway reads from any HTTP request: header and cookie values, whether its method
// is safe, and the id it is known by in logs.
#ifndef CIM_PORTAL_GATEWAY_HTTP_REQUEST_H_
#define CIM_PORTAL_GATEWAY_HTTP_REQUEST_H_

#include <string>

#include "absl/strings/string_view.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

// The value of a request header; "" if absent.
std::string HeaderValue(const HttpRequestHeader& request, absl::string_view name);

// The value of cookie `name` in the request's Cookie headers; "" if absent.
std::string CookieValue(const HttpRequestHeader& request, absl::string_view name);

// GET, HEAD and OPTIONS: methods that change nothing.
bool IsSafeMethod(http::verb verb);

// A new random request id (24 hex digits).
std::string NewRequestId();

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_REQUEST_H_
