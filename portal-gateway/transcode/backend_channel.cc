#include "portal-gateway/transcode/backend_channel.h"

#include <arpa/inet.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace cim::gateway {
namespace {

// True if `entry` is "a.b.c.d:port" (family 4) or "[v6]:port" (family 6); sets *family.
bool LiteralAddress(absl::string_view entry, int* family) {
  absl::string_view host, port;
  if (absl::StartsWith(entry, "[")) {
    const size_t close = entry.find("]:");
    if (close == absl::string_view::npos) return false;
    host = entry.substr(1, close - 1);
    port = entry.substr(close + 2);
    *family = 6;
  } else {
    const size_t colon = entry.rfind(':');
    if (colon == absl::string_view::npos) return false;
    host = entry.substr(0, colon);
    port = entry.substr(colon + 1);
    *family = 4;
  }
  int number = 0;
  if (!absl::SimpleAtoi(port, &number) || number < 1 || number > 65535) return false;
  unsigned char buffer[16];
  const std::string text(host);
  return inet_pton(*family == 4 ? AF_INET : AF_INET6, text.c_str(), buffer) == 1;
}

}  // namespace

absl::StatusOr<std::string> BackendTarget(absl::string_view backend) {
  backend = absl::StripAsciiWhitespace(backend);
  if (backend.empty()) return absl::InvalidArgumentError("--backend is empty");
  if (absl::StartsWith(backend, "dns:") || absl::StartsWith(backend, "ipv4:") ||
      absl::StartsWith(backend, "ipv6:") || absl::StartsWith(backend, "unix:")) {
    return std::string(backend);
  }
  if (!absl::StrContains(backend, ',')) return absl::StrCat("dns:///", backend);
  std::vector<std::string> entries;
  int list_family = 0;
  for (absl::string_view entry : absl::StrSplit(backend, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    int family = 0;
    if (entry.empty() || !LiteralAddress(entry, &family)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--backend list entry \"", entry,
          "\" is not an IP address with a port (use a DNS name alone for name-based discovery)"));
    }
    if (list_family != 0 && family != list_family) {
      return absl::InvalidArgumentError("--backend list mixes IPv4 and IPv6 addresses");
    }
    list_family = family;
    entries.emplace_back(entry);
  }
  return absl::StrCat(list_family == 4 ? "ipv4:" : "ipv6:", absl::StrJoin(entries, ","));
}

std::string BackendServiceConfig() {
  return R"({"loadBalancingConfig":[{"round_robin":{}}],"healthCheckConfig":{"serviceName":""}})";
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateBackendChannel(absl::string_view backend) {
  absl::StatusOr<std::string> target = BackendTarget(backend);
  if (!target.ok()) return target.status();
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(16 * 1024 * 1024);
  args.SetServiceConfigJSON(BackendServiceConfig());
  // A replica that went away is tried again soon after it comes back (default backoff: up to
  // 120 s between attempts).
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  // A replica whose machine vanished without closing its connections (power or network cut)
  // is noticed within keepalive time + timeout, not at each call's deadline.
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, kBackendKeepaliveMs);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 5000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  return grpc::CreateCustomChannel(*target, grpc::InsecureChannelCredentials(), args);
}

}  // namespace cim::gateway
