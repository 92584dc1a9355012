#include "portal-gateway/edge/credentials.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "portal-gateway/http/request.h"

namespace cim::gateway {

absl::StatusOr<std::string> CallAuthorization(const HttpRequestHeader& request) {
  std::string authorization = HeaderValue(request, "Authorization");
  const std::string cookie_token = CookieValue(request, kSessionCookie);
  if (authorization.empty() && !cookie_token.empty()) {
    if (!IsSafeMethod(request.method()) && HeaderValue(request, kClientHeader).empty()) {
      return absl::PermissionDeniedError(
          absl::StrCat("cookie-authenticated requests that change state must send the ",
                       kClientHeader, " header (CSRF protection)"));
    }
    authorization = absl::StrCat("Bearer ", cookie_token);
  }
  return authorization;
}

std::string ClientAddress(const HttpRequestHeader& request, const std::string& peer,
                          const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
    return peer;
  }
  const std::string forwarded = HeaderValue(request, "X-Forwarded-For");
  const absl::string_view last =
      absl::StripAsciiWhitespace(absl::string_view(forwarded).substr(forwarded.rfind(',') + 1));
  return last.empty() ? peer : std::string(last);
}

}  // namespace cim::gateway
