#include "server/identity/call_auth.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace cim {

std::string BearerFromMetadata(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return "";
  absl::string_view value(it->second.data(), it->second.size());
  constexpr absl::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
    return "";
  }
  return std::string(absl::StripAsciiWhitespace(value.substr(kScheme.size())));
}

bool WaitUnlessCancelled(const grpc::ServerContext& context, absl::Duration poll) {
  const absl::Time until = absl::Now() + poll;
  for (absl::Time now = absl::Now(); now < until; now = absl::Now()) {
    if (context.IsCancelled()) return false;
    absl::SleepFor(std::min(until - now, absl::Milliseconds(50)));
  }
  return !context.IsCancelled();
}

}  // namespace cim
