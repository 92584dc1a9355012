#include "server/rpc/call_auth.h"

#include <algorithm>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/messages.h"
#include "lib/text_field.h"

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

namespace {

// The value of metadata `key`, its first `max_bytes` bytes.
std::string MetadataValue(const grpc::ServerContext& context, absl::string_view key,
                          size_t max_bytes = 80) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), std::min(it->second.size(), max_bytes));
}

}  // namespace

std::string LanguageFromMetadata(const grpc::ServerContext& context) {
  return MessageCatalogs::Compiled().Match(MetadataValue(context, "accept-language"));
}

AuditActor AuditActorOf(const Principal* principal, const grpc::ServerContext& context,
                        absl::string_view rpc) {
  AuditActor actor;
  if (principal != nullptr) {
    actor.user_id = principal->user_id;
    actor.role = static_cast<int>(principal->role);
    actor.partner_id = principal->partner_id;
  }
  actor.rpc = std::string(rpc);
  actor.request_id = MetadataValue(context, "x-request-id");
  if (actor.request_id.empty()) {
    thread_local absl::BitGen bits;
    actor.request_id = absl::StrCat(absl::Hex(absl::Uniform<uint64_t>(bits), absl::kZeroPad16));
  }
  const std::string forwarded = MetadataValue(context, "x-forwarded-for");
  actor.client_address =
      forwarded.empty() ? context.peer() : absl::StrCat(forwarded, " via ", context.peer());
  return actor;
}

SignInOrigin SignInOriginOf(const grpc::ServerContext& context) {
  constexpr size_t kWhole = std::string::npos;
  const std::string forwarded = MetadataValue(context, "x-forwarded-for", kWhole);
  return {.address = TruncateCodePoints(forwarded.empty() ? context.peer() : forwarded, 200),
          .agent = TruncateCodePoints(MetadataValue(context, "x-client-agent", kWhole), 300)};
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
