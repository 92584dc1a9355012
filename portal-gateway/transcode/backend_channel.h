// The gateway's channel to its cim-server replicas: one address, a list, or a DNS name with
// several addresses, balanced round robin with gRPC health checking, so that a replica whose
// database is unusable (health NOT_SERVING) or that is down gets no calls.
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_BACKEND_CHANNEL_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_BACKEND_CHANNEL_H_

#include <grpcpp/channel.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim::gateway {

// The gRPC target for `backend`: "host:port" → "dns:///host:port" (every address the name
// resolves to); "a:1,b:2" → "ipv4:a:1,b:2" ("ipv6:[::1]:1,[::1]:2" for bracketed IPv6); a
// target with a scheme ("dns:", "ipv4:", "unix:") is kept. INVALID_ARGUMENT for an empty entry,
// a list mixing IPv4 and IPv6, or a list entry that is not a literal address with a port.
absl::StatusOr<std::string> BackendTarget(absl::string_view backend);

// The service config every backend channel uses: round_robin over the resolved addresses and
// health checking of the default service ("").
std::string BackendServiceConfig();

// How often the gateway pings an idle replica connection (cim-server accepts pings this often).
inline constexpr int kBackendKeepaliveMs = 10000;

// A channel to `backend` (see BackendTarget) with that service config and keepalive pings.
absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateBackendChannel(absl::string_view backend);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_BACKEND_CHANNEL_H_
