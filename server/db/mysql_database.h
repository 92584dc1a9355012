// The SOCI connection pool to MySQL/MariaDB and the mapping of database errors to statuses.
// Only mysql_* files include SOCI.
#ifndef CIM_SERVER_DB_MYSQL_DATABASE_H_
#define CIM_SERVER_DB_MYSQL_DATABASE_H_

#include <soci/soci.h>

#include <atomic>
#include <ctime>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/db/database_nodes.h"
#include "server/db/entity_change.h"

namespace cim {

// Maps an exception thrown by SOCI (or anything else) to a status: duplicate key →
// ALREADY_EXISTS, lost connection → UNAVAILABLE, deadlock or lock timeout → ABORTED,
// a Galera node that left the primary component (1047) → UNAVAILABLE, everything else →
// INTERNAL. Sets *connection_lost when the session must reconnect (possibly to another node).
absl::Status MapDatabaseError(const std::exception& e, bool* connection_lost);
// What the log may say of a database error: the server's error number and message, without the
// values the statement bound (SOCI adds them as context) or a duplicate key's value (an email,
// a token hash).
std::string LoggableDatabaseError(const std::exception& e);
// True for a deadlock or a Galera certification failure (1213): the transaction was rolled
// back whole and may simply be run again.
bool IsDeadlock(const std::exception& e);

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

// Work every transaction does for a concern the database layer does not know (the audit trail
// registers one: server/audit/mysql_audit.h). All run on the transaction's thread.
struct CommitHook {
  // An attempt starts: forget what a rolled-back attempt noted.
  std::function<void()> begin;
  // An entity is about to change, or was just inserted (told by server/db/table.h).
  std::function<void(soci::session&, const EntityChange&)> changing;
  // Entities of `view` with ids `ids` will change in this transaction, each then told to
  // `changing`: a chance to read them all in one query.
  std::function<void(soci::session&, const EntityView&, const std::vector<std::string>& ids)>
      changing_soon;
  // Just before COMMIT, inside the transaction; an error rolls it back.
  std::function<absl::Status(soci::session&)> before_commit;
};

// The commit hooks of the transaction running on this thread while it runs (Transact installs
// them): nullptr outside a transaction.
class ActiveCommitHooks {
 public:
  explicit ActiveCommitHooks(const std::vector<CommitHook>& hooks);
  ~ActiveCommitHooks();
  ActiveCommitHooks(const ActiveCommitHooks&) = delete;
  ActiveCommitHooks& operator=(const ActiveCommitHooks&) = delete;
  static const std::vector<CommitHook>* Current();

 private:
  const std::vector<CommitHook>* outer_;
};

class MysqlDatabase {
 public:
  // Opens `pool_size` sessions with `connect_string` (SOCI MySQL form, e.g.
  // "db=cim user=root unix_socket=/path/mysqld.sock"; several nodes in `host`, see
  // database_nodes.h) on the first usable node. UNAVAILABLE if no node can be reached;
  // INVALID_ARGUMENT for a malformed node list.
  static absl::StatusOr<std::unique_ptr<MysqlDatabase>> Connect(
      const std::string& connect_string, int pool_size, const DatabaseTimeouts& timeouts = {});
  ~MysqlDatabase();

  // Runs fn(soci::session&) on a pooled session connected to the current node. fn returns
  // absl::Status or absl::StatusOr<T>; a database exception becomes the mapped status, and a
  // lost connection (or a node that left the cluster) is re-established on the first usable
  // node for the next caller.
  template <typename Fn>
  std::invoke_result_t<Fn, soci::session&> Run(Fn&& fn) {
    Lease lease(*this);
    if (!lease.Connected()) return absl::UnavailableError("database unavailable; retry");
    try {
      return fn(lease.session());
    } catch (const std::exception& e) {
      bool lost = false;
      absl::Status status = MapDatabaseError(e, &lost);
      if (lost) lease.Lost();
      return status;
    }
  }

  // Runs fn(soci::session&) inside a transaction on a pooled session: commits if fn returns OK,
  // rolls back otherwise. The whole transaction is run again, after a randomised backoff, until
  // kTransactionAttempts attempts in all, when it certainly did not commit: a deadlock or a
  // Galera certification failure (1213), or a connection lost before COMMIT was sent (then on
  // the next usable node). A lock wait timeout (1205, ABORTED) is not repeated: it already
  // waited innodb_lock_wait_timeout. A connection lost during COMMIT leaves the outcome unknown:
  // that is never repeated here but returned as UNAVAILABLE, for the caller's idempotency key
  // to settle. Statuses fn returns are never retried. The commit hooks run at the start of each
  // attempt and just before commit.
  template <typename Fn>
  std::invoke_result_t<Fn, soci::session&> Transact(Fn&& fn) {
    using Result = std::invoke_result_t<Fn, soci::session&>;
    for (int attempt = 1;; ++attempt) {
      bool retry = false;
      bool committing = false;
      Result result = Run([&](soci::session& session) -> Result {
        try {
          soci::transaction tx(session);
          ActiveCommitHooks active(hooks_);
          for (const CommitHook& hook : hooks_) hook.begin();
          Result inner = fn(session);
          if (!StatusOf(inner).ok()) return inner;
          for (const CommitHook& hook : hooks_) {
            if (absl::Status status = hook.before_commit(session); !status.ok()) return status;
          }
          committing = true;
          tx.commit();
          return inner;
        } catch (const std::exception& e) {
          bool lost = false;
          absl::Status status = MapDatabaseError(e, &lost);
          retry = lost ? !committing : IsDeadlock(e);
          if (lost) throw;  // Run reconnects
          return status;
        }
      });
      if (committing && !retry && absl::IsUnavailable(StatusOf(result))) {
        return absl::UnavailableError(
            "the database connection was lost during commit; the change may or may not have "
            "been made: retry with the same idempotency key");
      }
      if (!retry || attempt == kTransactionAttempts) return result;
      transaction_retries_.fetch_add(1, std::memory_order_relaxed);
      BackOff(attempt);
    }
  }

  static constexpr int kTransactionAttempts = 6;

  // Adds `hook` (every function set) to every later transaction. Call before the first
  // transaction: the list is read without a lock.
  void AddCommitHook(CommitHook hook) { hooks_.push_back(std::move(hook)); }

  // OK if the current node answers and may take writes (a Galera node: ready, Synced, primary
  // component). Otherwise switches to the first usable node in the listed order; UNAVAILABLE if
  // there is none. Also moves back to an earlier node in the list once it is usable again, so
  // that every server writes to the same node whenever it can. Called by the health check.
  absl::Status CheckHealth();
  // Same as CheckHealth (kept for callers that only ask whether the database answers).
  absl::Status Ping() { return CheckHealth(); }

  int pool_size() const { return pool_size_; }
  // Sessions running fn in Run (or Transact) right now, and callers waiting for one.
  int sessions_in_use() const { return in_use_.load(std::memory_order_relaxed); }
  int sessions_waiting() const { return waiting_.load(std::memory_order_relaxed); }
  // The nodes in failover order, the index of the one written to now, failovers so far, and
  // transactions run again after a conflict or a connection lost before commit.
  const std::vector<DatabaseNode>& nodes() const { return nodes_; }
  int current_node() const { return current_.load(std::memory_order_relaxed); }
  long long failovers() const { return failovers_.load(std::memory_order_relaxed); }
  long long transaction_retries() const {
    return transaction_retries_.load(std::memory_order_relaxed);
  }

 private:
  MysqlDatabase(std::vector<DatabaseNode> nodes, int pool_size);

  // A pooled session leased for one call, connected to the current node on construction.
  class Lease {
   public:
    explicit Lease(MysqlDatabase& db);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    bool Connected() const { return connected_; }
    soci::session& session() { return db_.pool_.at(position_); }
    // The connection broke: close it, and let the node choice be checked again.
    void Lost();

   private:
    MysqlDatabase& db_;
    std::size_t position_;
    bool connected_ = false;
  };

  // Opens `session` on node `node` and configures it. False (session closed) on failure.
  bool Open(soci::session& session, int node);
  // The first usable node in the list order (probing each), or -1. Updates current_. With
  // `failed_node`, returns at once if another caller has already moved away from that node;
  // without `wait`, also if another caller is choosing right now.
  int ChooseNode(int failed_node = -1, bool wait = true) ABSL_NO_THREAD_SAFETY_ANALYSIS;
  int ChooseNodeLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(choose_mu_);
  // Reads the node's Galera status over its probe session (reopened as needed).
  absl::Status ProbeNode(int node) ABSL_EXCLUSIVE_LOCKS_REQUIRED(choose_mu_);
  // Sleeps a random time up to min(5 ms × 2^(attempt−1), 250 ms) (full jitter).
  static void BackOff(int attempt);

  std::vector<DatabaseNode> nodes_;
  std::vector<CommitHook> hooks_;
  std::atomic<int> current_{0};
  std::atomic<long long> failovers_{0};
  std::atomic<long long> transaction_retries_{0};
  absl::Mutex choose_mu_;  // one node choice at a time; guards the probe sessions
  std::vector<std::unique_ptr<soci::session>> probes_ ABSL_GUARDED_BY(choose_mu_);
  // Why each node was last found unusable ("" if usable): logged when it changes.
  std::vector<std::string> problems_ ABSL_GUARDED_BY(choose_mu_);
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
  soci::connection_pool pool_;
  // The node each pooled session is connected to (-1: none). An entry is touched only by the
  // caller holding that session's lease, which the pool hands over under its own lock.
  std::vector<int> session_node_;
  int pool_size_;
};

}  // namespace cim

#endif  // CIM_SERVER_DB_MYSQL_DATABASE_H_
