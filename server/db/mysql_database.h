// The SOCI connection pool to MySQL/MariaDB and the mapping of database errors to statuses.
// Only mysql_* files include SOCI.
#ifndef CIM_SERVER_DB_MYSQL_DATABASE_H_
#define CIM_SERVER_DB_MYSQL_DATABASE_H_

#include <soci/soci.h>

#include <atomic>
#include <ctime>
#include <exception>
#include <memory>
#include <string>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/audit/mysql_audit.h"

namespace cim {

// Maps an exception thrown by SOCI (or anything else) to a status: duplicate key →
// ALREADY_EXISTS, lost connection → UNAVAILABLE, deadlock or lock timeout → ABORTED,
// everything else → INTERNAL. Sets *connection_lost when the session must reconnect.
absl::Status MapDatabaseError(const std::exception& e, bool* connection_lost);

// MySQL DATETIME values are UTC; these convert to and from absl::Time (second precision).
std::tm ToSqlTime(absl::Time t);
absl::Time FromSqlTime(const std::tm& tm);
// `t` as a DATETIME(6) literal ("2026-03-02 09:00:00.123456", UTC), to bind as text.
std::string ToSqlMicros(absl::Time t);
// SQL for the microseconds since the epoch of a DATETIME(6) column, whatever the session's
// time zone (read with RowInteger, convert with absl::FromUnixMicros).
#define CIM_MICROS_OF(column) "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', " column ")"

// A DECIMAL column read as text ("12.5000") in plain decimal form with trailing zeros removed
// but at least `min_fraction_digits` kept ("12.50" for 2).
std::string FromSqlDecimal(const std::string& value, int min_fraction_digits);

// Column `i` of `row` as an integer, whatever integer type the server chose for it (computed
// columns such as CAST(… AS SIGNED) may come back as INT or BIGINT).
long long RowInteger(const soci::row& row, std::size_t i);

// Returns a LIKE pattern matching values that contain `text` literally (%, _ and \ escaped).
std::string LikeContains(absl::string_view text);

inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

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
    Counted waiting(waiting_);
    soci::session session(pool_);
    waiting.Release();
    Counted in_use(in_use_);
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

  // Runs fn(soci::session&) inside a transaction on a pooled session: commits if fn returns OK,
  // rolls back otherwise. A deadlock or lock wait timeout rolls back and runs fn again (up to
  // kTransactionAttempts times) before returning ABORTED; statuses fn returns are never retried.
  // Inside an AuditScope, the audit records of what fn changed are written just before commit.
  template <typename Fn>
  std::invoke_result_t<Fn, soci::session&> Transact(Fn&& fn) {
    using Result = std::invoke_result_t<Fn, soci::session&>;
    for (int attempt = 1;; ++attempt) {
      bool conflict = false;
      Result result = Run([&](soci::session& session) -> Result {
        try {
          soci::transaction tx(session);
          AuditTransactionBegin();
          Result inner = fn(session);
          if (!StatusOf(inner).ok()) return inner;
          if (absl::Status audited = AuditBeforeCommit(session); !audited.ok()) return audited;
          tx.commit();
          return inner;
        } catch (const std::exception& e) {
          bool lost = false;
          absl::Status status = MapDatabaseError(e, &lost);
          if (lost) throw;  // Run reconnects
          conflict = status.code() == absl::StatusCode::kAborted;
          return status;
        }
      });
      if (!conflict || attempt == kTransactionAttempts) return result;
    }
  }

  static constexpr int kTransactionAttempts = 4;

  // OK if the database answers a trivial query.
  absl::Status Ping();

  int pool_size() const { return pool_size_; }
  // Sessions running fn in Run (or Transact) right now, and callers waiting for one.
  int sessions_in_use() const { return in_use_.load(std::memory_order_relaxed); }
  int sessions_waiting() const { return waiting_.load(std::memory_order_relaxed); }

 private:
  MysqlDatabase(std::string connect_string, int pool_size)
      : connect_string_(std::move(connect_string)), pool_(pool_size), pool_size_(pool_size) {}
  // Re-establishes a lost connection (or one whose earlier reconnect failed). True if connected.
  bool Reconnect(soci::session& session);

  // Counts itself in `n` until released or destroyed.
  class Counted {
   public:
    explicit Counted(std::atomic<int>& n) : n_(&n) { n_->fetch_add(1, std::memory_order_relaxed); }
    ~Counted() { Release(); }
    void Release() {
      if (n_ != nullptr) n_->fetch_sub(1, std::memory_order_relaxed);
      n_ = nullptr;
    }

   private:
    std::atomic<int>* n_;
  };

  std::atomic<int> in_use_{0};
  std::atomic<int> waiting_{0};
  std::string connect_string_;  // with charset
  soci::connection_pool pool_;
  int pool_size_;
};

}  // namespace cim

#endif  // CIM_SERVER_DB_MYSQL_DATABASE_H_
