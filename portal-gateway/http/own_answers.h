// The answers the HTTP server writes itself, before any handler sees the request: 400 for
// malformed HTTP, 413 for a body over the limit, 503 when too much is in progress. Each closes
// the connection and carries the configured headers (the gateway's security headers).
#ifndef CIM_PORTAL_GATEWAY_HTTP_OWN_ANSWERS_H_
#define CIM_PORTAL_GATEWAY_HTTP_OWN_ANSWERS_H_

#include <cstddef>
#include <functional>

#include "absl/strings/string_view.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

using AddHeaders = std::function<void(http::fields&)>;

// 413 in the gateway's JSON error format: the request body is larger than `limit` bytes.
HttpResponse BodyTooLargeAnswer(size_t limit, const AddHeaders& add_headers);

// 400 in the gateway's JSON error format: the request is not HTTP the server can read.
HttpResponse MalformedRequestAnswer(absl::string_view problem, const AddHeaders& add_headers);

// 503 with Retry-After: 1: too many requests or streams are in progress.
HttpResponse BusyAnswer(absl::string_view message, const AddHeaders& add_headers);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_OWN_ANSWERS_H_
