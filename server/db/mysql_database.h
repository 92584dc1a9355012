// The SOCI connection pool to MySQL/MariaDB and the mapping of database errors to statuses.
// Only mysql_* files include SOCI.
#ifndef CIM_SERVER_DB_MYSQL_DATABASE_H_
#define CIM_SERVER_DB_MYSQL_DATABASE_H_

#include <soci/soci.h>

#include <ctime>
#include <exception>
#include <memory>
#include <string>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cim {

// Maps an exception thrown by SOCI (or anything else) to a status: duplicate key →
// ALREADY_EXISTS, lost connection → UNAVAILABLE, deadlock or lock timeout → ABORTED,
// everything else → INTERNAL. Sets *connection_lost when the session must reconnect.
absl::Status MapDatabaseError(const std::exception& e, bool* connection_lost);

// MySQL DATETIME values are UTC; these convert to and from absl::Time (second precision).
std::tm ToSqlTime(absl::Time t);
absl::Time FromSqlTime(const std::tm& tm);

// Returns a LIKE pattern matching values that contain `text` literally (%, _ and \ escaped).
std::string LikeContains(absl::string_view text);

class MysqlDatabase {
 public:
  // Opens `pool_size` sessions with `connect_string` (SOCI MySQL form, e.g.
  // "db=cim user=root unix_socket=/path/mysqld.sock"). UNAVAILABLE if the server cannot be reached.
  static absl::StatusOr<std::unique_ptr<MysqlDatabase>> Connect(const std::string& connect_string,
                                                                int pool_size);

  // Runs fn(soci::session&) on a pooled session. fn returns absl::Status or absl::StatusOr<T>;
  // a database exception becomes the mapped status, and a lost connection is re-established
  // for the next caller.
  template <typename Fn>
  std::invoke_result_t<Fn, soci::session&> Run(Fn&& fn) {
    soci::session session(pool_);
    // A session whose reconnect failed earlier has no connection at all: try again first.
    if (session.get_backend() == nullptr && !Reconnect(session)) {
      return absl::UnavailableError("database unavailable; retry");
    }
    try {
      return fn(session);
    } catch (const std::exception& e) {
      bool lost = false;
      absl::Status status = MapDatabaseError(e, &lost);
      if (lost) Reconnect(session);
      return status;
    }
  }

  // OK if the database answers a trivial query.
  absl::Status Ping();

  int pool_size() const { return pool_size_; }

 private:
  MysqlDatabase(std::string connect_string, int pool_size)
      : connect_string_(std::move(connect_string)), pool_(pool_size), pool_size_(pool_size) {}
  // Re-establishes a lost connection (or one whose earlier reconnect failed). True if connected.
  bool Reconnect(soci::session& session);

  std::string connect_string_;  // with charset
  soci::connection_pool pool_;
  int pool_size_;
};

}  // namespace cim

#endif  // CIM_SERVER_DB_MYSQL_DATABASE_H_
