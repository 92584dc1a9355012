#include "server/db/mysql_database.h"

#include <soci/mysql/soci-mysql.h>

#include <iostream>
#include <string_view>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "lib/decimal.h"
#include "lib/status_util.h"

namespace cim {
namespace {

thread_local const std::vector<CommitHook>* active_hooks = nullptr;

// MySQL/MariaDB error numbers (include/mysqld_error.h, errmsg.h).
constexpr int kDuplicateEntry = 1062;
constexpr int kDuplicateEntryWithKeyName = 1586;  // INSERT ... SELECT
constexpr int kRowIsReferenced = 1451;
constexpr int kNoReferencedRow = 1452;
constexpr int kLockWaitTimeout = 1205;
constexpr int kDeadlock = 1213;
constexpr int kServerGone = 2006;
constexpr int kServerLost = 2013;
constexpr int kCantConnect = 2002;
constexpr int kCantConnectTcp = 2003;
constexpr int kServerShutdown = 1053;
constexpr int kConnectionKilled = 1927;
// A Galera node outside the primary component or not yet synced: "WSREP has not yet prepared
// node for application use" (ER_UNKNOWN_COM_ERROR).
constexpr int kNodeNotReady = 1047;
constexpr int kServerLostExtended = 2055;

}  // namespace

ActiveCommitHooks::ActiveCommitHooks(const std::vector<CommitHook>& hooks) : outer_(active_hooks) {
  active_hooks = &hooks;
}

ActiveCommitHooks::~ActiveCommitHooks() { active_hooks = outer_; }

const std::vector<CommitHook>* ActiveCommitHooks::Current() { return active_hooks; }

std::string LoggableDatabaseError(const std::exception& e) {
  const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
  std::string message = soci_error != nullptr ? soci_error->get_error_message() : e.what();
  // "Duplicate entry 'value' for key 'name'": the value goes, the key's name stays.
  constexpr std::string_view kEntry = "Duplicate entry '";
  constexpr std::string_view kForKey = "' for key";
  const size_t entry = message.find(kEntry);
  const size_t for_key = message.rfind(kForKey);
  if (entry != std::string::npos && for_key != std::string::npos && for_key >= entry) {
    message.replace(entry, for_key + kForKey.size() - entry, "Duplicate entry for key");
  }
  if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    return absl::StrCat("error ", mysql->err_num_, ": ", message);
  }
  return message;
}

absl::Status MapDatabaseError(const std::exception& e, bool* connection_lost) {
  *connection_lost = false;
  // The database's own text (key names, messages) goes to the log, never to the caller; values
  // go nowhere.
  std::cerr << "cim: database error: " << LoggableDatabaseError(e) << std::endl;
  if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    switch (mysql->err_num_) {
      case kDuplicateEntry:
      case kDuplicateEntryWithKeyName:
        return absl::AlreadyExistsError("already exists");
      case kNoReferencedRow:
        return absl::FailedPreconditionError("a record this refers to does not exist");
      case kRowIsReferenced:
        return absl::FailedPreconditionError("other records still refer to this one");
      case kLockWaitTimeout:
      case kDeadlock:
        return absl::AbortedError("transaction conflict; retry");
      case kServerGone:
      case kServerLost:
      case kCantConnect:
      case kCantConnectTcp:
      case kServerShutdown:
      case kConnectionKilled:
      case kServerLostExtended:
      case kNodeNotReady:
        *connection_lost = true;
        return absl::UnavailableError("database unavailable; retry");
      default:
        break;
    }
  }
  return absl::InternalError("internal database error");
}

bool IsDeadlock(const std::exception& e) {
  const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&e);
  return mysql != nullptr && mysql->err_num_ == kDeadlock;
}

std::string FromSqlDecimal(const std::string& value, int min_fraction_digits) {
  absl::StatusOr<Decimal> d = Decimal::Parse(value);
  return d.ok() ? d->ToString(min_fraction_digits) : value;
}

std::tm ToSqlTime(absl::Time t) { return absl::ToTM(t, absl::UTCTimeZone()); }

absl::Time FromSqlTime(const std::tm& tm) { return absl::FromTM(tm, absl::UTCTimeZone()); }

std::string ToSqlMicros(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
}

long long RowInteger(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(i));
    default:
      return row.get<long long>(i);
  }
}

std::string LikeContains(absl::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// UTC for every DATETIME; READ COMMITTED so that a statement that runs after waiting for a row
// lock sees what the lock holder committed (balances summed under a lock must be current), and
// no gap locks between unrelated inserts. On a Galera node, reads wait until the node has
// applied every write the cluster committed before them (wsrep_sync_wait=1), so a server that
// failed over, or a client reading through another replica, sees its own earlier writes.
void ConfigureSession(soci::session& session) {
  session << "SET time_zone = '+00:00'";
  session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
  int wsrep_on = 0;
  session << "SELECT @@global.wsrep_on", soci::into(wsrep_on);
  if (wsrep_on != 0) session << "SET SESSION wsrep_sync_wait = 1";
}

MysqlDatabase::MysqlDatabase(std::vector<DatabaseNode> nodes, int pool_size)
    : nodes_(std::move(nodes)),
      pool_(pool_size),
      session_node_(pool_size, -1),
      pool_size_(pool_size) {
  absl::MutexLock lock(&choose_mu_);
  probes_.resize(nodes_.size());
  problems_.resize(nodes_.size());
}

MysqlDatabase::~MysqlDatabase() = default;

absl::StatusOr<std::unique_ptr<MysqlDatabase>> MysqlDatabase::Connect(
    const std::string& connect_string, int pool_size, const DatabaseTimeouts& timeouts) {
  if (pool_size < 1) return absl::InvalidArgumentError("pool size must be at least 1");
  CIM_ASSIGN_OR_RETURN(std::vector<DatabaseNode> nodes,
                       ParseDatabaseNodes(connect_string + " charset=utf8mb4", timeouts));
  std::unique_ptr<MysqlDatabase> db(new MysqlDatabase(std::move(nodes), pool_size));
  absl::Status usable = db->CheckHealth();
  if (!usable.ok()) {
    return absl::UnavailableError(
        absl::StrCat("cannot connect to the database: ", usable.message()));
  }
  db->failovers_ = 0;  // starting on a later node is no failover
  for (int i = 0; i < pool_size; ++i) {
    if (!db->Open(db->pool_.at(i), db->current_node())) {
      return absl::UnavailableError(absl::StrCat("cannot connect to the database node ",
                                                 db->nodes_[db->current_node()].name));
    }
    db->session_node_[i] = db->current_node();
  }
  return db;
}

MysqlDatabase::Lease::Lease(MysqlDatabase& db) : db_(db) {
  Counted waiting(db_.waiting_);
  position_ = db_.pool_.lease();
  waiting.Release();
  db_.in_use_.fetch_add(1, std::memory_order_relaxed);
  int& node = db_.session_node_[position_];
  const int current = db_.current_node();
  if (node == current && session().get_backend() != nullptr) {
    connected_ = true;
    return;
  }
  // Connected elsewhere (the server failed over or back) or not at all.
  node = -1;
  if (db_.Open(session(), current)) {
    node = current;
  } else if (const int chosen = db_.ChooseNode(current);
             chosen >= 0 && db_.Open(session(), chosen)) {
    node = chosen;
  }
  connected_ = node >= 0;
}

MysqlDatabase::Lease::~Lease() {
  db_.in_use_.fetch_sub(1, std::memory_order_relaxed);
  db_.pool_.give_back(position_);
}

void MysqlDatabase::Lease::Lost() {
  const int node = db_.session_node_[position_];
  db_.session_node_[position_] = -1;
  try {
    session().close();
  } catch (const std::exception&) {
  }
  // If the current node is the one that failed, choose again now rather than at the next
  // health check, so that the callers after this one go to a working node; without waiting,
  // as this caller still holds a pooled session and whoever is choosing already moves the pool
  // on (or the health check does within a second).
  if (node >= 0 && node == db_.current_node()) db_.ChooseNode(node, /*wait=*/false);
}

bool MysqlDatabase::Open(soci::session& session, int node) {
  try {
    if (session.get_backend() != nullptr) session.close();
    session.open(soci::mysql, nodes_[node].connect_string);
    ConfigureSession(session);
    return true;
  } catch (const std::exception& e) {
    std::cerr << "cim: database node " << nodes_[node].name << ": " << LoggableDatabaseError(e)
              << std::endl;
    try {
      session.close();
    } catch (const std::exception&) {
    }
    return false;
  }
}

absl::Status MysqlDatabase::ProbeNode(int node) {
  std::unique_ptr<soci::session>& probe = probes_[node];
  NodeStatus status;
  // A connection kept from an earlier probe may have broken since: then one fresh try.
  const int attempts = probe != nullptr && probe->get_backend() != nullptr ? 2 : 1;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    try {
      if (probe == nullptr || probe->get_backend() == nullptr) {
        probe = std::make_unique<soci::session>(soci::mysql, nodes_[node].probe_connect_string);
        // Read the node's own state without waiting for the cluster: with wsrep_sync_wait set
        // globally, a node outside the primary component fails every read with 1205 instead.
        try {
          *probe << "SET SESSION wsrep_sync_wait = 0";
        } catch (const std::exception&) {  // a server without Galera support
        }
      }
      int wsrep_on = 0;
      *probe << "SELECT @@global.wsrep_on", soci::into(wsrep_on);
      status.wsrep_on = wsrep_on != 0;
      if (status.wsrep_on) {
        std::string name, value;
        soci::statement st =
            (probe->prepare << "SELECT variable_name, variable_value"
                               " FROM information_schema.global_status WHERE variable_name IN"
                               " ('wsrep_ready', 'wsrep_local_state_comment',"
                               " 'wsrep_cluster_status')",
             soci::into(name), soci::into(value));
        st.execute();
        while (st.fetch()) {
          name = absl::AsciiStrToLower(name);
          if (name == "wsrep_ready") status.wsrep_ready = value == "ON";
          if (name == "wsrep_local_state_comment") status.wsrep_state = value;
          if (name == "wsrep_cluster_status") status.wsrep_cluster_status = value;
        }
      }
      return NodeUsable(status);
    } catch (const std::exception& e) {
      probe.reset();
      if (attempt == attempts) {
        return absl::UnavailableError(
            absl::StrCat("node ", nodes_[node].name, ": ", LoggableDatabaseError(e)));
      }
    }
  }
  return absl::UnavailableError(absl::StrCat("node ", nodes_[node].name, " did not answer"));
}

int MysqlDatabase::ChooseNode(int failed_node, bool wait) {
  if (wait) {
    choose_mu_.Lock();
  } else if (!choose_mu_.TryLock()) {
    return current_node();
  }
  const int chosen =
      failed_node >= 0 && current_node() != failed_node ? current_node() : ChooseNodeLocked();
  choose_mu_.Unlock();
  return chosen;
}

int MysqlDatabase::ChooseNodeLocked() {
  for (int node = 0; node < static_cast<int>(nodes_.size()); ++node) {
    absl::Status usable = ProbeNode(node);
    std::string problem(usable.message());
    if (problem != problems_[node]) {
      std::cerr << "cim: database node " << nodes_[node].name << " "
                << (usable.ok() ? "usable" : "unusable: " + problem) << std::endl;
      problems_[node] = std::move(problem);
    }
    if (usable.ok()) {
      const int before = current_.exchange(node);
      if (before != node) {
        failovers_.fetch_add(1, std::memory_order_relaxed);
        std::cerr << "cim: database now on node " << nodes_[node].name << " (was "
                  << nodes_[before].name << ")" << std::endl;
      }
      return node;
    }
  }
  return -1;
}

absl::Status MysqlDatabase::CheckHealth() {
  if (ChooseNode() < 0) return absl::UnavailableError("no usable database node");
  return absl::OkStatus();
}

void MysqlDatabase::BackOff(int attempt) {
  static thread_local absl::BitGen gen;
  const int64_t cap_micros = std::min<int64_t>(5000LL << std::min(attempt - 1, 10), 250000);
  absl::SleepFor(absl::Microseconds(absl::Uniform<int64_t>(gen, 0, cap_micros + 1)));
}

}  // namespace cim
