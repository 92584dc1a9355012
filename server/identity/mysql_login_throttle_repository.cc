#include "server/identity/mysql_login_throttle_repository.h"

#include <algorithm>

namespace cim {
namespace {

LoginThrottleState ReadForUpdate(soci::session& s, const std::string& email) {
  soci::row r;
  s << "SELECT failures, last_failure_at, locked_until FROM login_throttle"
       " WHERE email = :email FOR UPDATE",
      soci::use(email), soci::into(r);
  LoginThrottleState state;
  if (!s.got_data()) return state;
  state.failures = r.get<int>(0);
  state.last_failure = FromSqlTime(r.get<std::tm>(1));
  if (r.get_indicator(2) == soci::i_ok) state.locked_until = FromSqlTime(r.get<std::tm>(2));
  return state;
}

}  // namespace

absl::StatusOr<LoginThrottleState> MysqlLoginThrottleRepository::Update(
    const std::string& email,
    const std::function<LoginThrottleState(const LoginThrottleState&)>& update) {
  auto attempt = [&] {
    return db_.Run([&](soci::session& s) -> absl::StatusOr<LoginThrottleState> {
      soci::transaction tx(s);
      // Create or exclusively lock the row in one step (INSERT IGNORE would take a shared lock
      // and deadlock when two sessions then both ask for the exclusive one).
      std::tm epoch = ToSqlTime(absl::UnixEpoch());
      s << "INSERT INTO login_throttle (email, failures, last_failure_at) VALUES"
           " (:email, 0, :t) ON DUPLICATE KEY UPDATE email = email",
          soci::use(email), soci::use(epoch);
      LoginThrottleState next = update(ReadForUpdate(s, email));
      std::tm last = ToSqlTime(std::max(next.last_failure, absl::UnixEpoch()));
      std::tm locked = ToSqlTime(std::max(next.locked_until, absl::UnixEpoch()));
      soci::indicator locked_ind =
          next.locked_until == absl::InfinitePast() ? soci::i_null : soci::i_ok;
      s << "UPDATE login_throttle SET failures = :f, last_failure_at = :l, locked_until = :u"
           " WHERE email = :email",
          soci::use(next.failures), soci::use(last), soci::use(locked, locked_ind),
          soci::use(email);
      tx.commit();
      return next;
    });
  };
  // Simultaneous first attempts on one email can deadlock on the insert; InnoDB picks a victim
  // and the victim simply tries again.
  absl::StatusOr<LoginThrottleState> result = attempt();
  for (int retry = 0; retry < 5 && absl::IsAborted(result.status()); ++retry) result = attempt();
  return result;
}

absl::Status MysqlLoginThrottleRepository::Clear(const std::string& email) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    s << "DELETE FROM login_throttle WHERE email = :email", soci::use(email);
    return absl::OkStatus();
  });
}

}  // namespace cim
