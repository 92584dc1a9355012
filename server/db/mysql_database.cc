#include "server/db/mysql_database.h"

#include <soci/mysql/soci-mysql.h>

#include <iostream>

#include "absl/strings/str_cat.h"
#include "server/common/decimal.h"

namespace cim {
namespace {

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

}  // namespace

absl::Status MapDatabaseError(const std::exception& e, bool* connection_lost) {
  *connection_lost = false;
  // The database's own text (SQL, key names, values) goes to the log, never to the caller.
  std::cerr << "cim: database error: " << e.what() << std::endl;
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
        *connection_lost = true;
        return absl::UnavailableError("database unavailable; retry");
      default:
        break;
    }
  }
  return absl::InternalError("internal database error");
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
// no gap locks between unrelated inserts.
void ConfigureSession(soci::session& session) {
  session << "SET time_zone = '+00:00'";
  session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
}

absl::StatusOr<std::unique_ptr<MysqlDatabase>> MysqlDatabase::Connect(
    const std::string& connect_string, int pool_size) {
  if (pool_size < 1) return absl::InvalidArgumentError("pool size must be at least 1");
  std::unique_ptr<MysqlDatabase> db(
      new MysqlDatabase(connect_string + " charset=utf8mb4", pool_size));
  try {
    for (int i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_.at(i);
      s.open(soci::mysql, db->connect_string_);
      ConfigureSession(s);
    }
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("cannot connect to the database: ", e.what()));
  }
  return db;
}

bool MysqlDatabase::Reconnect(soci::session& session) {
  try {
    if (session.get_backend() == nullptr) {
      // SOCI drops the backend when a reconnect fails; only a fresh open brings it back.
      session.open(soci::mysql, connect_string_);
    } else {
      session.reconnect();
    }
    ConfigureSession(session);
    return true;
  } catch (const std::exception&) {
    // Still down: the next caller gets UNAVAILABLE and tries again.
    return false;
  }
}

absl::Status MysqlDatabase::Ping() {
  return Run([](soci::session& s) -> absl::Status {
    int one = 0;
    s << "SELECT 1", soci::into(one);
    return one == 1 ? absl::OkStatus() : absl::InternalError("unexpected ping result");
  });
}

}  // namespace cim
