#include "server/db/database_nodes.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace cim {
namespace {

struct Param {
  std::string key;
  std::string value;
};

// "key=value" pairs separated by blanks, as SOCI's MySQL backend reads them (values without
// blanks; SOCI's quoting is not needed by any parameter we pass).
std::vector<Param> SplitParams(absl::string_view connect) {
  std::vector<Param> params;
  for (absl::string_view token : absl::StrSplit(connect, ' ', absl::SkipWhitespace())) {
    const size_t eq = token.find('=');
    if (eq == absl::string_view::npos) {
      params.push_back({std::string(token), ""});
    } else {
      params.push_back({std::string(token.substr(0, eq)), std::string(token.substr(eq + 1))});
    }
  }
  return params;
}

std::string JoinParams(const std::vector<Param>& params) {
  return absl::StrJoin(params, " ", [](std::string* out, const Param& p) {
    absl::StrAppend(out, p.key, p.value.empty() ? "" : "=", p.value);
  });
}

bool Has(const std::vector<Param>& params, absl::string_view key) {
  for (const Param& p : params) {
    if (p.key == key) return true;
  }
  return false;
}

// Splits "host", "host:port" or "[v6]:port" into host and port ("" when absent).
absl::StatusOr<std::pair<std::string, std::string>> SplitHostPort(absl::string_view entry) {
  std::string host(entry), port;
  if (absl::StartsWith(entry, "[")) {
    const size_t close = entry.find(']');
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat("database host \"", entry, "\": no ]"));
    }
    host = std::string(entry.substr(1, close - 1));
    absl::string_view rest = entry.substr(close + 1);
    if (absl::StartsWith(rest, ":")) port = std::string(rest.substr(1));
  } else if (const size_t colon = entry.rfind(':');
             colon != absl::string_view::npos && entry.find(':') == colon) {
    // One colon: host:port (an IPv6 address without brackets has several and no port).
    host = std::string(entry.substr(0, colon));
    port = std::string(entry.substr(colon + 1));
  }
  int number = 0;
  if (host.empty() ||
      (!port.empty() && (!absl::SimpleAtoi(port, &number) || number < 1 || number > 65535))) {
    return absl::InvalidArgumentError(
        absl::StrCat("database host \"", entry, "\" is not host, host:port or [v6]:port"));
  }
  return std::make_pair(host, port);
}

// The node named `name` with connection parameters `params` (timeouts included).
DatabaseNode MakeNode(std::string name, const std::vector<Param>& params) {
  std::string connect_timeout;
  for (const Param& p : params) {
    if (p.key == "connect_timeout") connect_timeout = p.value;
  }
  std::vector<Param> probe = params;
  for (Param& p : probe) {
    if (p.key == "read_timeout" || p.key == "write_timeout") p.value = connect_timeout;
  }
  return DatabaseNode{std::move(name), JoinParams(params), JoinParams(probe)};
}

}  // namespace

absl::StatusOr<std::vector<DatabaseNode>> ParseDatabaseNodes(absl::string_view connect,
                                                             const DatabaseTimeouts& timeouts) {
  std::vector<Param> base = SplitParams(connect);
  const auto add_timeout = [&base](absl::string_view key, absl::Duration d) {
    if (!Has(base, key)) {
      const int64_t seconds = absl::ToInt64Seconds(absl::Ceil(d, absl::Seconds(1)));
      base.push_back({std::string(key), absl::StrCat(std::max<int64_t>(1, seconds))});
    }
  };
  add_timeout("connect_timeout", timeouts.connect);
  add_timeout("read_timeout", timeouts.read);
  add_timeout("write_timeout", timeouts.write);

  std::string hosts, default_port, socket;
  for (const Param& p : base) {
    if (p.key == "host") hosts = p.value;
    if (p.key == "port") default_port = p.value;
    if (p.key == "unix_socket") socket = p.value;
  }
  if (hosts.empty() || !socket.empty()) {
    if (hosts.find(',') != std::string::npos) {
      return absl::InvalidArgumentError("a database host list cannot be combined with unix_socket");
    }
    return std::vector<DatabaseNode>{MakeNode(socket.empty() ? "localhost" : socket, base)};
  }
  std::vector<DatabaseNode> nodes;
  for (absl::string_view entry : absl::StrSplit(hosts, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty()) return absl::InvalidArgumentError("empty entry in the database host list");
    auto host_port = SplitHostPort(entry);
    if (!host_port.ok()) return host_port.status();
    auto [host, port] = *std::move(host_port);
    if (port.empty()) port = default_port;
    std::vector<Param> params;
    for (const Param& p : base) {
      if (p.key != "host" && p.key != "port") params.push_back(p);
    }
    params.push_back({"host", host});
    if (!port.empty()) params.push_back({"port", port});
    nodes.push_back(MakeNode(port.empty() ? host : absl::StrCat(host, ":", port), params));
  }
  return nodes;
}

absl::Status NodeUsable(const NodeStatus& status) {
  if (!status.wsrep_on) return absl::OkStatus();
  if (!status.wsrep_ready) return absl::UnavailableError("Galera node not ready (wsrep_ready=OFF)");
  if (status.wsrep_cluster_status != "Primary") {
    return absl::UnavailableError(absl::StrCat("Galera node outside the primary component (",
                                               status.wsrep_cluster_status, ")"));
  }
  if (status.wsrep_state != "Synced") {
    return absl::UnavailableError(
        absl::StrCat("Galera node is ", status.wsrep_state, ", not Synced"));
  }
  return absl::OkStatus();
}

}  // namespace cim
