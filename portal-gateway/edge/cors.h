// Cross-origin calls from the browser pages of configured origins (CORS): the preflight
// answer and the headers an answer to an allowed origin carries.
#ifndef CIM_PORTAL_GATEWAY_EDGE_CORS_H_
#define CIM_PORTAL_GATEWAY_EDGE_CORS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "portal-gateway/http/http_types.h"

namespace cim::gateway {

class Cors {
 public:
  // `origins`: scheme://host[:port] of the pages that may call the API.
  explicit Cors(std::vector<std::string> origins) : origins_(std::move(origins)) {}

  bool Allowed(absl::string_view origin) const;
  // True for a CORS preflight: OPTIONS with Origin and Access-Control-Request-Method.
  static bool IsPreflight(const HttpRequestHeader& request);
  // The answer to a preflight: 204 with the methods and headers allowed, or 403 for an origin
  // not configured.
  HttpResponse Preflight(const HttpRequestHeader& request, const std::string& request_id) const;
  // Allow-Origin, credentials and exposed headers for an allowed Origin, and Vary: Origin.
  void AddHeaders(const HttpRequestHeader& request, http::fields& response) const;

 private:
  std::vector<std::string> origins_;
};

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_EDGE_CORS_H_
