// The database nodes a server may use, from one connection string, and what makes a node usable.
// A connection string lists several nodes in its host parameter
// ("db=cim user=cim host=10.0.0.1,10.0.0.2:3307,10.0.0.3"); the server writes to the first
// usable node in that order and fails over to the next (docs/ARCHITECTURE.md, "Cluster").
#ifndef CIM_SERVER_DB_DATABASE_NODES_H_
#define CIM_SERVER_DB_DATABASE_NODES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cim {

struct DatabaseNode {
  std::string name;            // "10.0.0.2:3307", or the socket path: for logs and metrics
  std::string connect_string;  // SOCI MySQL form for this node alone
  // The same with read and write timeouts as short as the connect timeout: for the health
  // probe, which must not wait on a hung node as long as a query may.
  std::string probe_connect_string;
};

// Connect, read and write timeouts added to every node's connection string (unless it sets its
// own): a dead or stopped node fails a call instead of hanging it.
struct DatabaseTimeouts {
  absl::Duration connect = absl::Seconds(2);
  absl::Duration read = absl::Seconds(60);
  absl::Duration write = absl::Seconds(60);
};

// Splits `connect` into one connection string per node, in the listed order: a comma-separated
// `host` value ("a,b:3307", "[::1]:3306") gives one node per entry, and an entry's port
// replaces `port` (also for a single "host:port"); a connection by unix_socket is one node.
// INVALID_ARGUMENT for an empty entry, a bad port, or a host list combined with unix_socket.
absl::StatusOr<std::vector<DatabaseNode>> ParseDatabaseNodes(absl::string_view connect,
                                                             const DatabaseTimeouts& timeouts);

// What a node reports about itself, read by the health check.
struct NodeStatus {
  bool wsrep_on = false;     // @@global.wsrep_on: a Galera node
  bool wsrep_ready = false;  // status wsrep_ready = ON
  std::string wsrep_state;   // status wsrep_local_state_comment ("Synced", "Donor/Desynced")
  std::string wsrep_cluster_status;  // "Primary" or "non-Primary"
};

// OK if a node in `status` may take reads and writes: a plain server always; a Galera node only
// when it is ready, Synced and in the primary component. UNAVAILABLE with the reason otherwise.
absl::Status NodeUsable(const NodeStatus& status);

}  // namespace cim

#endif  // CIM_SERVER_DB_DATABASE_NODES_H_
