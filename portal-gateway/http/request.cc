#include "portal-gateway/http/request.h"

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cim::gateway {

std::string HeaderValue(const HttpRequestHeader& request, absl::string_view name) {
  auto it = request.find(boost::beast::string_view(name.data(), name.size()));
  return it == request.end() ? "" : std::string(it->value());
}

std::string CookieValue(const HttpRequestHeader& request, absl::string_view name) {
  for (auto it = request.find(http::field::cookie);
       it != request.end() && it->name() == http::field::cookie; ++it) {
    for (absl::string_view part :
         absl::StrSplit(absl::string_view(it->value().data(), it->value().size()), ';')) {
      part = absl::StripAsciiWhitespace(part);
      const size_t eq = part.find('=');
      if (eq != absl::string_view::npos && part.substr(0, eq) == name) {
        return std::string(part.substr(eq + 1));
      }
    }
  }
  return "";
}

bool IsSafeMethod(http::verb verb) {
  return verb == http::verb::get || verb == http::verb::head || verb == http::verb::options;
}

std::string NewRequestId() {
  // Identifies a request in logs; not a secret, so a per-thread generator (seeded from the OS
  // once) serves it without a system call per request.
  thread_local absl::BitGen bits;
  return absl::StrCat(absl::Hex(absl::Uniform<uint64_t>(bits), absl::kZeroPad16),
                      absl::Hex(absl::Uniform<uint32_t>(bits), absl::kZeroPad8));
}

}  // namespace cim::gateway
