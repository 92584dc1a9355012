#include "portal-gateway/edge/security_headers.h"

namespace cim::gateway {

void AddSecurityHeaders(http::fields& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.set("X-Frame-Options", "DENY");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
}

}  // namespace cim::gateway
