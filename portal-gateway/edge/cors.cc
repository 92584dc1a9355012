#include "portal-gateway/edge/cors.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/http/request.h"

namespace cim::gateway {
namespace {

// What browsers may send and read on cross-origin API calls.
constexpr char kCorsMethods[] = "GET, POST, PUT, PATCH, DELETE";
constexpr char kCorsRequestHeaders[] = "Authorization, Content-Type, Grpc-Timeout, X-CIM-Client";
constexpr char kCorsExposedHeaders[] = "Retry-After, X-Request-Id";

}  // namespace

bool Cors::Allowed(absl::string_view origin) const {
  return std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

bool Cors::IsPreflight(const HttpRequestHeader& request) {
  return request.method() == http::verb::options && !HeaderValue(request, "Origin").empty() &&
         !HeaderValue(request, "Access-Control-Request-Method").empty();
}

HttpResponse Cors::Preflight(const HttpRequestHeader& request,
                             const std::string& request_id) const {
  const std::string origin = HeaderValue(request, "Origin");
  if (!Allowed(origin)) {
    return JsonError(request, 7,
                     absl::StrCat("origin ", origin, " may not call this API from a browser"),
                     request_id);
  }
  HttpResponse response(http::status::no_content, request.version());
  response.set(http::field::access_control_allow_methods, kCorsMethods);
  response.set(http::field::access_control_allow_headers, kCorsRequestHeaders);
  response.set(http::field::access_control_max_age, "600");
  return response;
}

void Cors::AddHeaders(const HttpRequestHeader& request, http::fields& response) const {
  if (const std::string origin = HeaderValue(request, "Origin");
      !origin.empty() && Allowed(origin)) {
    response.set(http::field::access_control_allow_origin, origin);
    response.set(http::field::access_control_allow_credentials, "true");
    response.set(http::field::access_control_expose_headers, kCorsExposedHeaders);
  }
  // Answers depend on the Origin header; caches must know.
  response.set(http::field::vary, "Origin");
}

}  // namespace cim::gateway
