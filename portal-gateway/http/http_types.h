// The HTTP messages the gateway passes around (Boost.Beast, whole bodies as strings) and the
// callback that sends an answer.
#ifndef CIM_PORTAL_GATEWAY_HTTP_HTTP_TYPES_H_
#define CIM_PORTAL_GATEWAY_HTTP_HTTP_TYPES_H_

#include <boost/beast/http.hpp>
#include <functional>

namespace cim::gateway {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
using HttpRequestHeader = http::request_header<>;
using HttpResponseHeader = http::response_header<>;
// Sends the answer to a request; called exactly once, from any thread.
using Responder = std::function<void(HttpResponse)>;

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_HTTP_HTTP_TYPES_H_
